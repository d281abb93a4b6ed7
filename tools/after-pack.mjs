// electron-builder's afterPack hook (electron-builder.yml): sets the Electron fuses of the packaged app,
// before it is signed. Fuses are switches compiled into Electron's binary that no command line or
// environment variable can turn back.
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { Arch } from 'electron-builder';

/** Dossier's fuses; the others keep Electron's defaults. */
export const FUSES = {
  // The app's binary never runs as a plain Node (ELECTRON_RUN_AS_NODE), takes no NODE_OPTIONS and no --inspect:
  // none of them can turn it into a tool for running someone else's code with the app's rights.
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // Its cookies are encrypted on disk with the operating system's key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // It runs only the app.asar that was packaged, checked against the hash electron-builder embeds.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

/**
 * The packaged Electron binary (for macOS its .app, whose framework holds the fuses).
 * @param {import('electron-builder').AfterPackContext} context
 */
function packagedBinary({ appOutDir, electronPlatformName, packager }) {
  const { productFilename } = packager.appInfo;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${productFilename}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${productFilename}.exe`);
  return join(appOutDir, /** @type {import('electron-builder').LinuxPackager} */ (packager).executableName);
}

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  await flipFuses(packagedBinary(context), {
    version: FuseVersion.V1,
    // Changing an arm64 macOS binary breaks its ad-hoc signature; the binary is signed again here (and by electron-builder when it signs).
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === Arch.arm64,
    ...FUSES,
  });
}

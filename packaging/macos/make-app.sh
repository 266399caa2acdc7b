#!/usr/bin/env bash
# Builds the macOS app bundle. On a Mac, from the repository's root:
#
#   packaging/macos/make-app.sh
#
# gives target/dist/Release Desk.app (the `dist` profile's binary, Info.plist, the .icns icon, the
# font licence). Drag it to /Applications. `--binary PATH` bundles an already built binary instead of
# building one, and `--out DIR` puts the bundle elsewhere: CI uses both to check the bundle on Linux.
set -euo pipefail
cd "$(dirname "$0")/../.."

binary="" out="target/dist"
while [ $# -gt 0 ]; do
  case $1 in
    --binary) binary=$2; shift 2;;
    --out) out=$2; shift 2;;
    *) echo "make-app.sh: unknown option $1 (use --binary PATH, --out DIR)" >&2; exit 2;;
  esac
done
if [ -z "$binary" ]; then
  cargo build --profile dist --bin release-desk
  binary=target/dist/release-desk
fi
[ -x "$binary" ] || { echo "make-app.sh: no binary at $binary" >&2; exit 1; }

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
app="$out/Release Desk.app"
rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
sed "s/@VERSION@/$version/g" packaging/macos/Info.plist.in > "$app/Contents/Info.plist"
printf 'APPL????' > "$app/Contents/PkgInfo"
cp "$binary" "$app/Contents/MacOS/release-desk"
cp packaging/macos/release-desk.icns "$app/Contents/Resources/"
cp assets/fonts/NanumGothic-LICENSE.txt LICENSE "$app/Contents/Resources/"
echo "$app"

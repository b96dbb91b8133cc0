#!/usr/bin/env bash
# One entry point for a fresh machine: installs what the build needs (Debian/Ubuntu, as root),
# restores the local .NET tools, then hands every argument to Cake (build.cake).
#   ./build.sh                  build everything (native, bindings check, managed, CLI)
#   ./build.sh --target=Test    native CTest + dotnet test + the consumer test, then Debug tests, sanitizers, a short fuzz
#   ./build.sh --target=Demo    run the demo into artifacts/demo
#   ./build.sh --target=Pack    NuGet packages into artifacts/packages
#   ./build.sh --target=Sanitize / Fuzz / TestDebug   instrumented variants (see build.cake)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

missing=()
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v nm >/dev/null 2>&1 || missing+=(binutils)
# clang, its sanitizer/libFuzzer runtimes and llvm-symbolizer: the Sanitize and Fuzz targets (Test runs them).
command -v clang++ >/dev/null 2>&1 || missing+=(clang)
command -v llvm-symbolizer >/dev/null 2>&1 || missing+=(llvm)
packages=(libeigen3-dev libgtest-dev libgtk-3-0 libfontconfig1 zlib1g libclang-rt-dev)
# The linux-arm64 library is cross-compiled only by the targets that pack it (Test runs the
# consumer test, which packs); qemu-user only to run its tests.
shopt -s nocasematch   # Cake's target names are case-insensitive
case " $* " in
  *[=\ ]TestArm64\ *) packages+=(g++-aarch64-linux-gnu qemu-user) ;;
  *[=\ ]Pack\ *|*[=\ ]ConsumerTest\ *|*[=\ ]Test\ *|*[=\ ]NativeArm64\ *) packages+=(g++-aarch64-linux-gnu) ;;
esac
shopt -u nocasematch
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "build.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "build.sh: missing packages: ${missing[*]}; install them (e.g. sudo apt-get install ${missing[*]}) and run again" >&2
    exit 1
  fi
fi

command -v dotnet >/dev/null 2>&1 || { echo "build.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
exec dotnet cake build.cake "$@"

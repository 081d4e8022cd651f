#!/usr/bin/env bash
# Installs the Debian packages Reps needs that are missing: `deps.sh build` for building,
# `deps.sh test` also for the test suite's real clients (browser, PDF tools, tmux, node).
set -euo pipefail
build_packages=(g++ cmake ninja-build pkg-config tao-pegtl-dev libfmt-dev libboost-program-options-dev
                doctest-dev libical-dev nlohmann-json3-dev tzdata)
test_packages=(chromium poppler-utils tmux nodejs npm valgrind neovim)
wanted=("${build_packages[@]}")
[ "${1:-build}" = test ] && wanted+=("${test_packages[@]}")
missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# node and npm may come from outside Debian's packages (as on the development machines); that is fine.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

#!/usr/bin/env bash
# Installs the Debian packages TrajViz needs (libgd, libpng, the DejaVu fonts) when any is missing.
# As root it runs apt-get; otherwise it prints the exact command to run and fails.
set -euo pipefail

required=(libgd-dev libpng-dev fonts-dejavu-core pkg-config)
# trajviz check's tests: xmllint validates the JUnit XML; chromium drives the HTML report.
required+=(libxml2-utils chromium chromium-driver)
missing=()
for package in "${required[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    echo "trajviz: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "trajviz: missing system packages; run: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi

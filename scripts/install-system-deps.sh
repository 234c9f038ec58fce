#!/usr/bin/env bash
# Install the Debian packages the book needs beyond Python: XeLaTeX and latexmk for the PDF,
# FreeFont for its text, poppler-utils to inspect PDF pages, Chromium for the browser check.
# Does nothing when everything is already there; needs root (or sudo) otherwise.
set -euo pipefail

missing=()
command -v xelatex >/dev/null || missing+=(texlive-xetex texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended)
command -v latexmk >/dev/null || missing+=(latexmk)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v chromium >/dev/null || missing+=(chromium)
[ -e /usr/share/fonts/opentype/freefont/FreeSerif.otf ] || missing+=(fonts-freefont-otf)
kpsewhich booktabs.sty >/dev/null 2>&1 || missing+=(texlive-latex-recommended)

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "error: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO=sudo
fi
echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" fontconfig

#!/usr/bin/env bash
# Install Emacs with eglot (Debian's `emacs-nox` and `elpa-eglot` packages) for
# tests/test_emacs.py. Idempotent: does nothing when `emacs` is on PATH and eglot loads.
# Needs root or sudo for apt-get.
set -euo pipefail

# Debian's elpa-eglot lives in /usr/share/emacs/site-lisp/elpa, which `emacs -Q` only sees
# through package.el (the test does the same).
eglot_loads() {
    emacs -Q --batch \
        --eval "(progn (require 'package) (add-to-list 'package-directory-list \"/usr/share/emacs/site-lisp/elpa\") (package-initialize))" \
        --eval "(require 'eglot)" >/dev/null 2>&1
}

if command -v emacs >/dev/null 2>&1 && eglot_loads; then
    echo "emacs and eglot already installed: $(emacs --version | head -n 1)"
    exit 0
fi

"$(dirname "$0")/apt_install.sh" emacs-nox elpa-eglot
echo "installed: $(emacs --version | head -n 1)"

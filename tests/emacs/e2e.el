;;; e2e.el --- lsp-router end to end with Emacs eglot as the LSP client  -*- lexical-binding: t -*-

;; Run by tests/test_emacs.py (Debian's `emacs-nox` 28.2 and `elpa-eglot` 1.9):
;;   LSP_ROUTER_EMACS_CONFIG=config.json emacs -Q --batch -l tests/emacs/e2e.el
;;
;; config.json (written by the Python test):
;;   readme_el       the ```elisp block of README.md's "### Emacs (eglot)" section, as a file
;;   file, results, events_log, deadline_s,
;;   action_range, explain_range, expected_markdown,
;;   rename_position, new_name, expected_text
;;   (ranges are LSP ranges, positions LSP positions: 0-based lines and columns)
;;
;; Loads the README config as a user's init file would, starts eglot on the file with the
;; server the README names, then lists code actions, renames with `eglot-rename', explains
;; with the README's `lsp-router-explain' and records `lspRouter/spendChanged'.
;; Writes what it saw to config.results as JSON (the Python test asserts on it too), dumps
;; eglot's events buffer (the server's stderr included) to config.events_log, then exits 0
;; when every check here passed and 1 otherwise. A watchdog exits 2 after config.deadline_s;
;; an error in a process sentinel or timer exits 255 (batch Emacs does that itself), and the
;; results are written then too.

(require 'cl-lib)
(require 'json)
(require 'subr-x)

(defvar e2e--cfg nil)
(defvar e2e--server nil)
(defvar e2e--step "start" "The step running, recorded with every notification.")
(defvar e2e--steps nil "Plist of what each step saw.")
(defvar e2e--failures nil)
(defvar e2e--spend nil "lspRouter/spendChanged params, newest first.")
(defvar e2e--spend-steps nil "The step each spendChanged arrived in, newest first.")
(defvar e2e--messages nil "window/showMessage params, newest first.")
(defvar e2e--log nil)
(defvar e2e--finished nil)
(defvar e2e--dumped nil "Non-nil once the events are on disk (the buffers go with the server).")

(defun e2e--log (fmt &rest args)
  (let ((line (apply #'format fmt args)))
    (push line e2e--log)
    (princ (format "[emacs-e2e] %s\n" line) #'external-debugging-output)))

(defun e2e--check (ok fmt &rest args)
  (unless ok
    (let ((message (apply #'format fmt args)))
      (push message e2e--failures)
      (e2e--log "FAIL: %s" message)))
  ok)

(defun e2e--cfg (key)
  (alist-get key e2e--cfg))

(defun e2e--step-result (name value)
  (setq e2e--steps (plist-put e2e--steps name value)))

(defun e2e--dump-events ()
  "Write eglot's events buffer and the server's stderr buffer to config.events_log.
Before the server is known (it died while connecting), every EGLOT buffer there is."
  (let ((path (e2e--cfg 'events_log)))
    (when (and path (not e2e--dumped))
      (ignore-errors
        (let ((coding-system-for-write 'utf-8-unix)
              (buffers (if e2e--server
                           (list (jsonrpc-events-buffer e2e--server)
                                 (ignore-errors (jsonrpc-stderr-buffer e2e--server)))
                         (cl-remove-if-not (lambda (b) (string-match-p "EGLOT" (buffer-name b)))
                                           (buffer-list)))))
          (with-temp-file path
            (dolist (buffer buffers)
              (when (buffer-live-p buffer)
                (insert (format "--- %s\n" (buffer-name buffer))
                        (with-current-buffer buffer (buffer-string))
                        "\n")))))))))

(defun e2e--write-results ()
  (let ((path (or (e2e--cfg 'results) (getenv "LSP_ROUTER_EMACS_RESULTS"))))
    (when path
      (let ((coding-system-for-write 'utf-8-unix)
            (json-encoding-pretty-print nil))
        (with-temp-file path
          (insert (json-encode
                   (list :steps e2e--steps
                         :failures (vconcat (reverse e2e--failures))
                         :spend (vconcat (reverse e2e--spend))
                         :spend_steps (vconcat (reverse e2e--spend-steps))
                         :messages (vconcat (reverse e2e--messages))
                         :log (vconcat (reverse e2e--log))))))))))

(defun e2e--finish ()
  (unless e2e--finished
    (setq e2e--finished t)
    (e2e--dump-events)
    (e2e--write-results)
    (kill-emacs (if e2e--failures 1 0))))

;; In batch, an error in a process sentinel, filter or timer (eglot signals one when the server
;; dies while connecting) makes Emacs exit with 255 at once: still write what was seen.
(setq backtrace-on-error-noninteractive nil)  ; keep the error itself in the stderr tail
(add-hook 'kill-emacs-hook
          (lambda ()
            (unless e2e--finished
              (setq e2e--finished t)
              (e2e--check nil "Emacs exited in step %s before the scenario finished (an error in a process sentinel or timer? see stderr)"
                          e2e--step)
              (e2e--dump-events)
              (e2e--write-results))))

(defun e2e--wait (seconds predicate)
  "Let the server's output in until PREDICATE holds or SECONDS pass; PREDICATE's value."
  (let ((deadline (+ (float-time) seconds))
        value)
    (while (and (not (setq value (funcall predicate)))
                (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(defun e2e--point (position)
  "Buffer position of an LSP position (the file is ASCII: columns are characters)."
  (save-excursion
    (goto-char (point-min))
    (forward-line (alist-get 'line position))
    (forward-char (alist-get 'character position))
    (point)))

;; -- eglot, as Debian installs it, and the notifications the test records

(defun e2e--load-eglot ()
  (require 'package)
  ;; Debian's elpa-eglot (and its newer project/xref) live here; `emacs -Q' only sees them
  ;; through package.el.
  (add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
  (package-initialize)
  (require 'eglot)
  (require 'python)

  (cl-defmethod eglot-handle-notification
    (_server (_method (eql lspRouter/spendChanged)) &rest params)
    (push params e2e--spend)
    (push e2e--step e2e--spend-steps))

  (cl-defmethod eglot-handle-notification :before
    (_server (_method (eql window/showMessage)) &rest params)
    (push params e2e--messages)))

;; -- the scenario

(cl-defun e2e--run ()
  (let ((config-path (or (getenv "LSP_ROUTER_EMACS_CONFIG") (error "Set LSP_ROUTER_EMACS_CONFIG"))))
    (setq e2e--cfg (let ((json-object-type 'alist) (json-array-type 'list) (json-key-type 'symbol))
                     (json-read-file config-path))))
  (run-at-time (e2e--cfg 'deadline_s) nil
               (lambda ()
                 (e2e--check nil "the scenario did not finish within %s s (step %s)"
                             (e2e--cfg 'deadline_s) e2e--step)
                 (setq e2e--finished t)
                 (e2e--dump-events)
                 (e2e--write-results)
                 (kill-emacs 2)))

  ;; The README's config, as a user's init file holds it: loaded before eglot (its
  ;; `with-eval-after-load' runs when eglot loads), nothing in it replaced. `lsp-router'
  ;; resolves on PATH to this checkout's server (the test puts the venv first on PATH).
  (load (e2e--cfg 'readme_el) nil t)
  (e2e--load-eglot)
  (let ((eglot-version (or (ignore-errors (package-version-join
                                            (package-desc-version (cadr (assq 'eglot package-alist)))))
                           "?")))
    (e2e--log "eglot %s, emacs %s; lsp-router is %s" eglot-version emacs-version (executable-find "lsp-router"))
    (e2e--step-result :setup (list :eglot_version eglot-version
                                   :emacs_version emacs-version
                                   :lsp_router (or (executable-find "lsp-router") ""))))
  ;; A test-harness setting, not the README's: the first model call also imports the SDK.
  (setq jsonrpc-default-request-timeout 30)

  ;; 1. eglot on the python-mode buffer. `eglot-ensure' never fires in batch, so start it
  ;; the way M-x eglot does, from what eglot guesses for the buffer.
  (setq e2e--step "connect")
  (find-file (e2e--cfg 'file))
  (unless (derived-mode-p 'python-mode) (python-mode))
  (apply #'eglot (eglot--guess-contact))
  (unless (e2e--check (e2e--wait 30 #'eglot-managed-p) "eglot did not manage the buffer within 30 s")
    (cl-return-from e2e--run))
  (setq e2e--server (eglot-current-server))
  (let* ((initargs (eglot--saved-initargs e2e--server))
         (process (jsonrpc--process e2e--server))
         (caps (eglot--capabilities e2e--server)))
    (e2e--step-result :connect
                      (list :command (vconcat (process-command process))
                            :initialization_options (plist-get initargs :initializationOptions)
                            :rename (and (plist-get caps :renameProvider) t)
                            :code_action (and (plist-get caps :codeActionProvider) t)
                            :execute_command (plist-get caps :executeCommandProvider)))
    (e2e--log "connected: %S" (process-command process)))

  ;; 2. code actions on the selected function: listing them calls no model
  (setq e2e--step "code_action")
  (let* ((range (e2e--cfg 'action_range))
         (actions (eglot-code-actions (e2e--point (alist-get 'start range))
                                      (e2e--point (alist-get 'end range)))))
    (e2e--step-result :code_action
                      (list :titles (vconcat (mapcar (lambda (a) (plist-get a :title)) actions))
                            :kinds (vconcat (mapcar (lambda (a) (or (plist-get a :kind) "")) actions))))
    (e2e--log "code actions: %s" (mapconcat (lambda (a) (plist-get a :title)) actions " | "))
    (e2e--check actions "no code actions on the selection"))

  ;; 3. rename a local with `eglot-rename', non-interactively; eglot applies the edit
  (setq e2e--step "rename")
  (goto-char (e2e--point (e2e--cfg 'rename_position)))
  (let ((symbol (thing-at-point 'symbol t)))
    (eglot-rename (e2e--cfg 'new_name))
    (let ((text (buffer-substring-no-properties (point-min) (point-max))))
      (e2e--step-result :rename (list :symbol (or symbol "") :buffer text))
      (e2e--check (equal text (e2e--cfg 'expected_text)) "the buffer after the rename is not the expected text")))
  ;; eglot sends the edit to the server (didChange) from an idle timer, after
  ;; `eglot-send-changes-idle-time'; idle timers never fire in batch, so send it as the timer would.
  (eglot--signal-textDocument/didChange)

  ;; 4. the README's `lsp-router-explain' on a region
  (setq e2e--step "explain")
  (let* ((range (e2e--cfg 'explain_range))
         (beg (e2e--point (alist-get 'start range)))
         (end (e2e--point (alist-get 'end range))))
    (lsp-router-explain beg end)
    (let* ((buffer (get-buffer "*lsp-router explain*"))
           (text (and buffer (with-current-buffer buffer
                               (buffer-substring-no-properties (point-min) (point-max))))))
      (e2e--step-result :explain (list :buffer text))
      (when (e2e--check text "no *lsp-router explain* buffer")
        ;; the help window ends the text with a newline of its own
        (e2e--check (equal (string-trim-right text "\n+") (e2e--cfg 'expected_markdown))
                    "*lsp-router explain* holds %S, not the loopback's explanation" text))))

  ;; 5. the spend notifications: both paid calls are on the session
  ;; Emacs 28's jsonrpc (1.0.14) leaves a message that came in the same read as a reply
  ;; unparsed until the server writes again: the reply's continuation throws out of the
  ;; process filter. So the notification that follows the explanation's reply may wait in the
  ;; process buffer. Ask for `lspRouter/spend' (as a status display would): the server writes
  ;; its reply after that notification, and the filter parses both in order.
  (setq e2e--step "spend")
  (let* ((buffer (process-buffer (jsonrpc--process e2e--server)))
         (pending (if (buffer-live-p buffer) (with-current-buffer buffer (buffer-size)) 0))
         (snapshot (jsonrpc-request e2e--server :lspRouter/spend nil)))
    (e2e--log "%d bytes from the server were waiting unparsed after the explanation" pending)
    (e2e--step-result :spend (list :pending_bytes pending :snapshot snapshot)))
  (let ((spent (e2e--wait 10 (lambda ()
                               (let* ((last (car e2e--spend))
                                      (session (plist-get last :session)))
                                 (and (numberp (plist-get session :costUsd))
                                      (> (plist-get session :costUsd) 0)
                                      (>= (or (plist-get session :requests) 0) 2)
                                      (equal (plist-get (plist-get last :last) :task) "explain")))))))
    (e2e--check spent "no lspRouter/spendChanged with session.costUsd > 0, 2 requests and last.task explain (last: %S)"
                (car e2e--spend)))

  (setq e2e--step "shutdown")
  (e2e--dump-events)
  (setq e2e--dumped t)
  (let ((server e2e--server))
    (condition-case err
        (eglot-shutdown server nil 10)
      (error (e2e--check nil "eglot-shutdown failed: %s" (error-message-string err))))
    ;; eglot 1.9 deletes the process right after `exit' (the server shows as killed)
    (let ((process (jsonrpc--process server)))
      (e2e--step-result :shutdown (list :status (symbol-name (process-status process))
                                        :exit_status (process-exit-status process))))))

(condition-case err
    (progn
      (setq debug-on-error nil)
      (e2e--run))
  (error (e2e--check nil "error in the scenario (step %s): %s" e2e--step (error-message-string err))))
(e2e--finish)

;;; e2e.el ends here

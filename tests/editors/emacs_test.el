;;; emacs_test.el --- run by test_emacs.py in `emacs --batch'  -*- lexical-binding: t; -*-
;; Loads editors/emacs/reportls.el as a user's init file would, opens a corpus report and a draft
;; with a placeholder, waits for Flymake's diagnostics, builds the Imenu outline eglot gives, types
;; pinyin in the report and accepts a phrase with `completion-at-point', waits for the ghost text of
;; the next clause and accepts it with TAB, and writes what Emacs shows to $REPORTLS_EMACS_OUT as
;; JSON.

(require 'json)
(require 'imenu)
(require 'flymake)
(setq eglot-sync-connect 10)

(defvar test-result (list (cons 'emacs emacs-version) (cons 'errors nil) (cons 'files nil)))
(defun test-wait (seconds predicate)
  (let ((deadline (+ (float-time) seconds)) ok)
    (while (and (not (setq ok (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      (sit-for 0.05))
    ok))

(defun test-diagnostics ()
  (mapcar (lambda (d)
            (let ((beg (flymake-diagnostic-beg d)) (end (flymake-diagnostic-end d)))
              (list (cons 'line (1- (line-number-at-pos beg)))
                    ;; characters from the line's start (current-column would count display
                    ;; width, and CJK characters are two columns wide)
                    (cons 'column (save-excursion (goto-char beg) (- beg (line-beginning-position))))
                    (cons 'end_column (save-excursion (goto-char end) (- end (line-beginning-position))))
                    (cons 'type (format "%s" (flymake-diagnostic-type d)))
                    (cons 'text (flymake-diagnostic-text d)))))
          (flymake-diagnostics)))

(defun test-imenu-top-level ()
  "Top-level entries of eglot's Imenu index: (NAME . LINE), under every symbol kind."
  (let ((index (imenu--make-index-alist t)) top)
    (dolist (group index)
      (when (consp (cdr group))            ; (KIND . ENTRIES); skip \"*Rescan*\"
        (dolist (entry (cdr group))
          (unless (imenu--subalist-p entry) ; a container holds the nested ones
            (push (cons (car entry) (1- (line-number-at-pos (cdr entry)))) top)))))
    (mapcar (lambda (e) (list (cons 'name (car e)) (cons 'line (cdr e))))
            (sort top (lambda (a b) (< (cdr a) (cdr b)))))))

(defun test-open (path)
  (find-file path)
  (reportls-eglot-ensure)
  (run-hooks 'post-command-hook)        ; eglot-ensure connects from post-command-hook
  (let ((entry (list (cons 'path path) (cons 'mode (format "%s" major-mode)))))
    (push (cons 'managed (test-wait 20 (lambda () (bound-and-true-p eglot--managed-mode)))) entry)
    (push (cons 'diagnosed (and (test-wait 20 (lambda () (flymake-diagnostics))) t)) entry)
    (push (cons 'diagnostics (vconcat (test-diagnostics))) entry)
    (push (cons 'top_level (vconcat (test-imenu-top-level))) entry)
    (test-wait 5 (lambda () reportls-facts))
    (push (cons 'mode_line (or (reportls-mode-line) "")) entry)
    (push entry (alist-get 'files test-result))
    entry))

(defun test-complete (typed wanted)
  "On a new last line of the current buffer: insert TYPED, run `completion-at-point' and pick
WANTED among the candidates, as the *Completions* buffer would; the line as it is after."
  (goto-char (point-max))
  (insert "\n" typed)
  (let* (candidates
         (completion-in-region-function
          (lambda (start end collection predicate)
            (setq candidates (all-completions (buffer-substring-no-properties start end) collection predicate))
            (let ((pick (seq-find (lambda (c) (string= c wanted)) candidates))
                  (exit (plist-get completion-extra-properties :exit-function)))
              (when pick
                (delete-region start end)
                (goto-char start)
                (insert pick)
                (when exit (funcall exit pick 'finished)))
              pick))))
    (completion-at-point)
    (list (cons 'typed typed) (cons 'wanted wanted)
          (cons 'candidates (vconcat (mapcar #'substring-no-properties candidates)))
          (cons 'line (buffer-substring-no-properties (line-beginning-position) (line-end-position))))))

(defun test-ghost (typed)
  "At the end of the current buffer's last line: insert TYPED as a command would, wait for the
ghost text, press TAB; what was shown and the line after."
  (goto-char (point-max))
  (let ((before (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
        shown)
    (insert typed)
    (run-hooks 'post-command-hook)
    (test-wait 20 (lambda () reportls-ghost--overlay))
    (setq shown (and reportls-ghost--overlay (overlay-get reportls-ghost--overlay 'reportls-ghost)))
    (call-interactively (key-binding (kbd "TAB")))
    (run-hooks 'post-command-hook)
    (list (cons 'line_before before) (cons 'typed typed) (cons 'text (or shown ""))
          (cons 'line_after (buffer-substring-no-properties (line-beginning-position) (line-end-position)))
          (cons 'left (and reportls-ghost--overlay t)))))

(condition-case err
    (progn
      (test-open (getenv "REPORTLS_EMACS_REPORT"))
      (push (cons 'completion
                  (vector (test-complete "。xjp" "深入学习贯彻习近平法治思想")
                          (test-complete "深入学习贯彻xjpfz" "深入学习贯彻习近平法治思想")
                          (test-complete "lvxing" "依法全面履行政府职能")))
            test-result)
      (push (cons 'ghost (test-ghost "，坚持党的全面领导，")) test-result)
      (test-open (getenv "REPORTLS_EMACS_DRAFT"))
      ;; Settings change without a restart.
      (reportls-set-settings '(:debounce 0 :rules (:placeholder "off")))
      (push (cons 'cleared_after_settings
                  (test-wait 20 (lambda ()
                                  (not (cl-some (lambda (d) (string-match-p "××" (flymake-diagnostic-text d)))
                                                (flymake-diagnostics))))))
            test-result))
  (error (push (format "%S" err) (alist-get 'errors test-result))))

(setf (alist-get 'files test-result) (vconcat (nreverse (alist-get 'files test-result))))
(setf (alist-get 'errors test-result) (vconcat (alist-get 'errors test-result)))
(let ((coding-system-for-write 'utf-8))
  (write-region (json-encode test-result) nil (getenv "REPORTLS_EMACS_OUT")))
(ignore-errors (eglot-shutdown-all))
(kill-emacs 0)

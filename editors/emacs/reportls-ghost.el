;;; reportls-ghost.el --- Ghost text of reportls in Eglot  -*- lexical-binding: t; -*-

;; While the writer types in a buffer reportls manages, the phrase or next clause the server is
;; sure of (textDocument/inlineCompletion) is shown after point in the face `reportls-ghost-text';
;; TAB writes it, any other command goes on and the ghost text follows or disappears.
;; `reportls-ghost-text' nil turns it off; `reportls-ghost-delay' is the pause before asking.
;; Loaded by reportls.el.  Everything runs in Emacs's command loop and its timers; one request per
;; buffer is kept (jsonrpc drops a deferred request that a newer one with the same key replaces).

;;; Code:

(require 'cl-lib)
(require 'eglot)

(defcustom reportls-ghost-text t
  "Show the phrase or next clause reportls is sure of after point while typing; TAB writes it."
  :type 'boolean
  :group 'reportls)

(defcustom reportls-ghost-delay 0.08
  "Seconds after the last change before reportls is asked for ghost text."
  :type 'number
  :group 'reportls)

(defface reportls-ghost-text '((t :inherit shadow))
  "The face of reportls's ghost text."
  :group 'reportls)

(defvar-local reportls-ghost--overlay nil "The overlay showing the ghost text, or nil.")
(defvar-local reportls-ghost--timer nil "The timer of the next request, or nil.")
(defvar-local reportls-ghost--tick nil "`buffer-chars-modified-tick' when last seen.")

(defvar reportls-ghost-active-map
  (let ((map (make-sparse-keymap)))
    (define-key map (kbd "TAB") #'reportls-ghost-accept)
    (define-key map (kbd "<tab>") #'reportls-ghost-accept)
    map)
  "Keys active while ghost text is shown.")

(define-minor-mode reportls-ghost--active-mode
  "On while reportls's ghost text is shown: TAB writes it."
  :keymap reportls-ghost-active-map)

(cl-defmethod eglot-client-capabilities :around ((_server reportls-server))
  "Tell reportls that this client shows inline completions."
  (let* ((capabilities (cl-call-next-method))
         (text-document (plist-get capabilities :textDocument)))
    (if reportls-ghost-text
        (plist-put capabilities :textDocument
                   (append text-document (list :inlineCompletion '(:dynamicRegistration :json-false))))
      capabilities)))

(defun reportls-ghost-clear ()
  "Remove the ghost text of the current buffer."
  (when reportls-ghost--overlay
    (delete-overlay reportls-ghost--overlay)
    (setq reportls-ghost--overlay nil))
  (when reportls-ghost--active-mode
    (reportls-ghost--active-mode -1)))

(defun reportls-ghost--show (pos text)
  (reportls-ghost-clear)
  (let ((overlay (make-overlay pos pos nil t nil))
        (shown (propertize text 'face 'reportls-ghost-text)))
    ;; The cursor stays before the ghost text, where the writer goes on typing.
    (put-text-property 0 1 'cursor t shown)
    (overlay-put overlay 'after-string shown)
    (overlay-put overlay 'reportls-ghost text)
    (setq reportls-ghost--overlay overlay)
    (reportls-ghost--active-mode 1)))

(defun reportls-ghost-accept ()
  "Write the ghost text shown at point; elsewhere, what TAB does without it."
  (interactive)
  (let ((overlay reportls-ghost--overlay))
    (if (and overlay (= (point) (overlay-start overlay)))
        (let ((text (overlay-get overlay 'reportls-ghost)))
          (reportls-ghost-clear)
          (insert text))
      (reportls-ghost-clear)
      (let ((command (key-binding (this-command-keys-vector))))
        (when (and command (not (eq command #'reportls-ghost-accept)))
          (call-interactively command))))))

(defun reportls-ghost--text (result pos)
  "The ghost text of RESULT, an InlineCompletionList, at POS: what its first usable item
writes beyond the text its range replaces (typed so far on the line)."
  (cl-dolist (item (append (plist-get result :items) nil))
    (let* ((text (plist-get item :insertText))
           (range (plist-get item :range))
           (beg (if range (car (eglot--range-region range)) pos)))
      (when (and (stringp text) (<= (line-beginning-position) beg pos)
                 (not (string-match-p "\n" text)))
        (let ((typed (buffer-substring-no-properties beg pos)))
          (when (and (> (length text) (length typed)) (string-prefix-p typed text))
            (cl-return (substring text (length typed)))))))))

(defun reportls-ghost--request (buffer)
  "Ask reportls for the ghost text at point in BUFFER, and show it if nothing moved meanwhile."
  (when (buffer-live-p buffer)
    (with-current-buffer buffer
      (setq reportls-ghost--timer nil)
      (let ((server (and (bound-and-true-p eglot--managed-mode) (eglot-current-server)))
            (pos (point))
            (tick (buffer-chars-modified-tick)))
        ;; The server announces {} — an empty plist, nil — so the key's presence is what counts.
        (when (and server (plist-member (eglot--capabilities server) :inlineCompletionProvider))
          (eglot--signal-textDocument/didChange)
          (jsonrpc-async-request
           server :textDocument/inlineCompletion
           (append (eglot--TextDocumentPositionParams) (list :context (list :triggerKind 2)))
           :deferred :reportls/inlineCompletion
           :success-fn
           (lambda (result)
             (when (buffer-live-p buffer)
               (with-current-buffer buffer
                 (when (and (= (point) pos) (= tick (buffer-chars-modified-tick)))
                   (let ((text (reportls-ghost--text result pos)))
                     (when text (reportls-ghost--show pos text)))))))
           :error-fn #'ignore
           :timeout-fn #'ignore))))))

(defun reportls-ghost--post-command ()
  "After each command: a change asks again (after `reportls-ghost-delay'); moving away clears."
  (let ((tick (buffer-chars-modified-tick)))
    (cond ((not (eql tick reportls-ghost--tick))
           (setq reportls-ghost--tick tick)
           (reportls-ghost-clear)
           (when reportls-ghost--timer (cancel-timer reportls-ghost--timer))
           (setq reportls-ghost--timer
                 (run-with-timer reportls-ghost-delay nil #'reportls-ghost--request (current-buffer))))
          ((and reportls-ghost--overlay (/= (point) (overlay-start reportls-ghost--overlay)))
           (reportls-ghost-clear)))))

(defun reportls-ghost--managed ()
  "On `eglot-managed-mode-hook': ghost text in the buffers a reportls server manages."
  (if (and (bound-and-true-p eglot--managed-mode) reportls-ghost-text
           (cl-typep (eglot-current-server) 'reportls-server))
      (progn
        (setq reportls-ghost--tick (buffer-chars-modified-tick))
        (add-hook 'post-command-hook #'reportls-ghost--post-command nil t))
    (remove-hook 'post-command-hook #'reportls-ghost--post-command t)
    (when reportls-ghost--timer (cancel-timer reportls-ghost--timer))
    (reportls-ghost-clear)))

(add-hook 'eglot-managed-mode-hook #'reportls-ghost--managed)

(provide 'reportls-ghost)
;;; reportls-ghost.el ends here

;;; reportls.el --- Eglot set-up for the reportls language server  -*- lexical-binding: t; -*-

;; Works with Emacs 28 and Debian's elpa-eglot (1.9), and with the eglot built into Emacs 29+.
;;
;;   (add-to-list 'load-path "/path/to/reportls/editors/emacs")
;;   (require 'reportls)
;;   (setq reportls-server-command '("/usr/local/bin/reportls"))
;;   (setq reportls-settings '(:profile "fazhi-annual" :reportYear 2023 :rules (:punctuation "hint")))
;;   (add-hook 'text-mode-hook #'reportls-eglot-ensure)      ; or only for your report folders
;;   (add-hook 'markdown-mode-hook #'reportls-eglot-ensure)
;;
;; `reportls-settings' (a plist) reaches the server as initializationOptions and, under the
;; "reportls" key, as workspace/didChangeConfiguration; `reportls-set-settings' changes them in
;; running servers without a restart.  The profile the server detects (the reportls/documentStatus
;; notification) is shown in the mode line.  While typing, the phrase or next clause the server is
;; sure of is shown after point as ghost text, and TAB writes it (reportls-ghost.el;
;; `reportls-ghost-text' nil turns it off).

;;; Code:

(require 'cl-lib)
(require 'eglot)

(defgroup reportls nil
  "The reportls language server for Chinese official reports."
  :group 'eglot
  :prefix "reportls-")

(defcustom reportls-server-command '("reportls")
  "The reportls program and its arguments (e.g. \"--plugin-dir\" DIR)."
  :type '(repeat string))

(defcustom reportls-settings nil
  "Settings for reportls, a plist: :debounce, :dataDirs, :rules, :profile, :reportYear, ...
Use `reportls-set-settings' to change them in running servers."
  :type 'plist)

(defvar-local reportls-facts nil
  "The facts reportls last reported for this buffer (a plist, e.g. :profile).")

(defclass reportls-server (eglot-lsp-server) ()
  :documentation "An eglot server speaking to reportls.")

(cl-defmethod eglot-initialization-options ((_server reportls-server))
  (or reportls-settings eglot--{}))

(defun reportls--workspace-configuration ()
  (list :reportls (or reportls-settings eglot--{})))

(defun reportls--signal-configuration (orig server &rest args)
  "Around `eglot-signal-didChangeConfiguration': reportls gets `reportls-settings'.
Eglot sends its (buffer-local) `eglot-workspace-configuration' right after connecting,
from whatever buffer is current; an empty one would reset the server's settings."
  (if (cl-typep server 'reportls-server)
      (jsonrpc-notify server :workspace/didChangeConfiguration
                      (list :settings (reportls--workspace-configuration)))
    (apply orig server args)))

(advice-add 'eglot-signal-didChangeConfiguration :around #'reportls--signal-configuration)

(cl-defmethod eglot-handle-notification
  ((_server reportls-server) (_method (eql reportls/documentStatus)) &key uri facts &allow-other-keys)
  "Keep the facts of reportls/documentStatus for the buffer visiting URI."
  (let ((buffer (find-buffer-visiting (eglot--uri-to-path uri))))
    (when buffer
      (with-current-buffer buffer
        (setq reportls-facts facts)
        (force-mode-line-update)))))

(defun reportls-mode-line ()
  "The mode-line text: the report profile reportls detected."
  (when (and (bound-and-true-p eglot--managed-mode) reportls-facts)
    (format " [reportls:%s]" (or (plist-get reportls-facts :profile) "?"))))

(add-to-list 'mode-line-misc-info '(:eval (reportls-mode-line)))

(defun reportls--contact (&optional _interactive)
  (cons 'reportls-server reportls-server-command))

(add-to-list 'eglot-server-programs '((text-mode markdown-mode) . reportls--contact))

;;;###autoload
(defun reportls-eglot-ensure ()
  "Start reportls for the current buffer (for `text-mode-hook' and `markdown-mode-hook')."
  (eglot-ensure))

(defun reportls-set-settings (settings)
  "Set `reportls-settings' to SETTINGS and send them to every running reportls server."
  (setq reportls-settings settings)
  (mapc #'eglot-signal-didChangeConfiguration (reportls--servers)))

(defun reportls--servers ()
  (let (servers)
    (maphash (lambda (_project list)
               (dolist (s list) (when (cl-typep s 'reportls-server) (push s servers))))
             eglot--servers-by-project)
    servers))

(require 'reportls-ghost)

(provide 'reportls)
;;; reportls.el ends here

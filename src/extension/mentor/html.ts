// The mentoring panel's HTML shell: a strict Content-Security-Policy with a fresh nonce, styles and
// the bundled script from the extension only, and an empty main the script fills in.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';

/** Folders the webview may load from: its styles, its bundled script and the codicon font. */
export function mentorResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [
    vscode.Uri.joinPath(extensionUri, 'media', 'mentor'),
    vscode.Uri.joinPath(extensionUri, 'dist', 'mentor'),
    vscode.Uri.joinPath(extensionUri, 'dist', 'codicons'),
  ];
}

/** A fresh nonce for one page load. */
export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

export function mentorHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce: string): string {
  const asset = (...parts: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...parts)).toString();
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'codicons', 'codicon.css')}">
<link rel="stylesheet" href="${asset('media', 'mentor', 'mentor.css')}">
<title>Redline: Mentor</title>
</head>
<body>
<div id="announce" class="visually-hidden" role="status" aria-live="polite"></div>
<main id="app" tabindex="-1"><p class="loading">Loading…</p></main>
<script nonce="${nonce}" src="${asset('dist', 'mentor', 'mentor.js')}"></script>
</body>
</html>`;
}

// Package safetext neutralises text from input before it reaches any
// output: a terminal, a Markdown or HTML document, an error message.
//
// Supplier names, rationales and ids come from files that bidders and
// portals upload. A carriage return in a name would forge lines in a
// Markdown summary; an ANSI escape sequence would rewrite a terminal; a
// right-to-left override would make "invoice.exe" read as "exe.eciovni".
// Clean replaces every such character, and every byte that is not part of
// a valid UTF-8 character, with U+FFFD, so the text shown is
// what was given, visibly, and nothing more. JSON output needs none of
// this: its encoder escapes control characters and keeps strings exact.
//
// Invisible reports the characters an identifier may not contain: an id
// that differs from another only by a zero-width space must not pass for a
// different supplier.
package safetext

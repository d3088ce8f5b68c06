package frameworks

import (
	"fmt"
	"strings"
)

// Source is where a fact comes from — an Act and section, a policy note, a
// framework document — and whether it has been verified against a primary
// source (legislation, gov.uk, the framework's owner) or several agreeing
// ones. Facts that are not verified (MED or LOW in docs/sources)
// never produce an error: a rule resting on one yields a warning at most.
type Source struct {
	// Cite names the source so anyone can look it up: "Procurement Act 2023
	// s.23(3)(b)", "PPN 002", "RM1043.7 framework (CCS agreement page)".
	Cite string `json:"cite"`
	// Verified reports a fact checked against a primary source or several
	// independent ones.
	Verified bool `json:"verified"`
	// Note says what is uncertain or where the fact was checked.
	Note string `json:"note,omitempty"`
}

// String renders the citation, marking it "(unverified)" when it is, with
// the note if any.
func (s Source) String() string {
	var b strings.Builder
	b.WriteString(s.Cite)
	if !s.Verified {
		b.WriteString(" (unverified")
		if s.Note != "" {
			b.WriteString(": ")
			b.WriteString(s.Note)
		}
		b.WriteString(")")
	}
	return b.String()
}

// cap lowers an error to a warning when the source is not verified.
func (s Source) cap(sev Severity) Severity {
	if sev == Error && !s.Verified {
		return Warning
	}
	return sev
}

// verified returns a verified source.
func verified(cite string) Source { return Source{Cite: cite, Verified: true} }

// unverified returns a source that is not verified, with what is uncertain.
func unverified(cite, note string) Source { return Source{Cite: cite, Note: note} }

// Severity says how serious a finding is. The zero value is not a severity.
type Severity int

// Severities, least serious first.
const (
	// Note records what was checked or assumed, or what the tender does not
	// say; nothing to fix.
	Note Severity = iota + 1
	// Warning is something to look at: a rule that may be broken, or one
	// resting on an unverified fact.
	Warning
	// Error breaks a verified rule of law, policy or framework: fix it
	// before bids are scored.
	Error
)

// String returns "note", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) {
	if s < Note || s > Error {
		return nil, fmt.Errorf("invalid severity %d", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads "note", "warning" or "error".
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "note":
		*s = Note
	case "warning":
		*s = Warning
	case "error":
		*s = Error
	default:
		return fmt.Errorf("severity %q: want note, warning or error", string(b))
	}
	return nil
}

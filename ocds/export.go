package ocds

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/internal/safetext"
	"github.com/tenderscore/tenderscore/score"
)

// Version is the OCDS version Export writes: 1.1 (schema 1.1.5).
const Version = "1.1"

// Extensions lists the OCDS extensions an exported package declares, each
// pinned to the version its fields follow: lots and lot rules, bids, award
// criteria by lot, the legal basis of the tender, the buyer's
// classification, and the Cabinet Office's UK extension (the gross value of
// a lot, the contract term in months, the standstill period of an award).
func Extensions() []string {
	return []string{
		"https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json",
		"https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json",
		"https://raw.githubusercontent.com/open-contracting-extensions/ocds_awardCriteria_extension/9391240f353e8536992938fe9f7987cd89235331/extension.json",
		"https://raw.githubusercontent.com/open-contracting-extensions/ocds_legalBasis_extension/b8cad008a33695661bba0eb3fb41b74c603e6941/extension.json",
		"https://raw.githubusercontent.com/open-contracting-extensions/ocds_organizationClassification_extension/243be1f7daed9d4423f218d9a7fb364ab70c57b9/extension.json",
		"https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/aa0e43b84dfad0cb9b839a8135e0bc4b285d32fc/extension.json",
	}
}

// ExportOptions are what an OCDS release needs that a tender does not hold.
// Nothing is taken from the clock: the release's identity and dates are
// inputs, so the same tender, bids and options always give the same bytes.
type ExportOptions struct {
	// OCIDPrefix is the publisher's registered OCDS prefix ("ocds-213czf");
	// the release's ocid is the prefix, a hyphen and the tender's id.
	// Required.
	OCIDPrefix string
	// ReleaseID identifies this release within the contracting process.
	// Required.
	ReleaseID string
	// Date is the release's date and the package's publishedDate. Required.
	Date time.Time
	// URI is the package's URI. Empty gives
	// "urn:x-tenderscore:ocds:" and the ocid and release id, escaped.
	URI string
	// Publisher names the package's publisher; empty for the authority.
	Publisher string
	// Buyer is the authority's registered identifier (a PPON, a Companies
	// House number); its party id is then scheme-id. Empty gives the party
	// id "buyer" and no identifier.
	Buyer Identifier
	// Suppliers gives suppliers' registered identifiers by their id in the
	// bids. A supplier not listed is identified by its id in the bids,
	// with no scheme.
	Suppliers map[string]Identifier
	// AwardDate is the date of the award decision, written on each award;
	// zero writes awards without a date.
	AwardDate time.Time
	// Standstill gives, by lot id, the standstill period of the lot's award
	// when known; a period under the key "" applies to every lot awarded
	// that has none of its own (one contract award notice for the whole
	// tender). See [Period].
	Standstill map[string]Period
	// AwardNotice, when set, is the day the award's notices are sent: the
	// contract award notice published (Procurement Act 2023), or the last
	// regulation 86 notice sent electronically (PCR 2015). Each lot awarded
	// then has the standstill period of its award timeline
	// ([score.Tender.Timeline], with the lot's Timeline options), unless
	// Standstill gives the lot's own. See [Period].
	AwardNotice date.Date
	// Timeline gives, by lot id, the options of the lot's award timeline:
	// a longer or voluntary standstill in the notice, a direct award's
	// ground, a contract below threshold, the bank holidays. Options under
	// the key "" apply to every lot without its own; a lot with neither
	// takes the zero options.
	Timeline map[string]score.TimelineOptions
}

// Identifier is an organisation's identifier in a registry: Scheme is the
// registry's org-id.guide code ("GB-COH" for Companies House, "GB-PPON"
// for the Central Digital Platform), ID the identifier in it.
type Identifier struct {
	Scheme string
	ID     string
}

// IsZero reports whether no identifier is given.
func (i Identifier) IsZero() bool { return i == Identifier{} }

// OptionError is a mistake in [ExportOptions]: the option, its value and
// what is wrong.
type OptionError struct {
	Option  string
	Value   string
	Message string
}

// Error writes "ocds: Option: message (value "…")".
func (e *OptionError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("ocds: %s: %s", e.Option, e.Message)
	}
	return fmt.Sprintf("ocds: %s: %s (value %q)", e.Option, e.Message, e.Value)
}

// Export writes the tender, and with bids the bids and the award, as an
// OCDS 1.1 release package holding one release. The tender and bids are
// validated first ([score.Tender.Validate]; a *score.ValidationError
// lists every problem); the award is [score.Award]'s, under the tender's
// lot rules. See the package documentation for what each field holds.
func Export(w io.Writer, t score.Tender, bids []score.Bid, opts ExportOptions) error {
	data, err := marshal(t, bids, opts)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// marshal returns what [Export] writes.
func marshal(t score.Tender, bids []score.Bid, opts ExportOptions) ([]byte, error) {
	if err := opts.check(t); err != nil {
		return nil, err
	}
	var award *score.AwardResult
	if len(bids) > 0 {
		a, err := score.Award(t, bids)
		if err != nil {
			return nil, err
		}
		award = &a
	} else if err := validateAlone(t); err != nil {
		return nil, err
	}
	x, err := newExporter(t, bids, award, opts)
	if err != nil {
		return nil, err
	}
	pkg := x.pack()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(pkg); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// validateAlone validates a tender without bids, leaving out the problems
// that only say there are none.
func validateAlone(t score.Tender) error {
	err := t.Validate(nil)
	var ve *score.ValidationError
	if !errors.As(err, &ve) {
		return err
	}
	kept := &score.ValidationError{}
	for _, p := range ve.Problems {
		if p.Rule != "no-bids" {
			kept.Problems = append(kept.Problems, p)
		}
	}
	if len(kept.Problems) == 0 {
		return nil
	}
	return kept
}

func (o ExportOptions) check(t score.Tender) error {
	switch {
	case strings.TrimSpace(o.OCIDPrefix) == "":
		return &OptionError{Option: "OCIDPrefix", Message: "the publisher's registered OCDS prefix is required (ocds-xxxxxx)"}
	case safetext.Invisible(o.OCIDPrefix) || strings.ContainsAny(o.OCIDPrefix, " /"):
		return &OptionError{Option: "OCIDPrefix", Value: o.OCIDPrefix, Message: "a prefix has no spaces, slashes, invisible or control characters"}
	case strings.TrimSpace(o.ReleaseID) == "":
		return &OptionError{Option: "ReleaseID", Message: "a release id is required"}
	case safetext.Invisible(o.ReleaseID) || strings.TrimSpace(o.ReleaseID) != o.ReleaseID:
		return &OptionError{Option: "ReleaseID", Value: o.ReleaseID, Message: "a release id has no invisible or control characters, nor spaces around it"}
	case o.Date.IsZero():
		return &OptionError{Option: "Date", Message: "the release date is required: tenderscore never reads the clock"}
	case o.URI != "":
		if u, err := url.Parse(o.URI); err != nil || !u.IsAbs() {
			return &OptionError{Option: "URI", Value: o.URI, Message: "want an absolute URI"}
		}
	}
	if (o.Buyer.Scheme == "") != (o.Buyer.ID == "") {
		return &OptionError{Option: "Buyer", Value: o.Buyer.Scheme + " " + o.Buyer.ID, Message: "give both the scheme and the id, or neither"}
	}
	for id, s := range o.Suppliers {
		if s.Scheme == "" || s.ID == "" {
			return &OptionError{Option: "Suppliers[" + id + "]", Value: s.Scheme + " " + s.ID, Message: "give both the scheme and the id"}
		}
	}
	return checkStandstill(t, o)
}

// pack wraps the release in its package.
func (x *exporter) pack() outPackage {
	uri := x.opts.URI
	if uri == "" {
		uri = "urn:x-tenderscore:ocds:" + url.PathEscape(x.ocid) + ":" + url.PathEscape(x.opts.ReleaseID)
	}
	publisher := x.opts.Publisher
	if publisher == "" {
		publisher = x.t.Authority.Name
	}
	return outPackage{
		URI:           uri,
		Version:       Version,
		Extensions:    Extensions(),
		PublishedDate: stamp(x.opts.Date),
		Publisher:     outPublisher{Name: publisher},
		Releases:      []outRelease{x.release()},
	}
}

// stamp writes a time as OCDS dates are written: RFC 3339, to the second,
// in the zone given.
func stamp(t time.Time) string { return t.Format(time.RFC3339) }

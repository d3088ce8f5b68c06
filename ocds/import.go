package ocds

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/tenderfile"
)

// Placeholder is the value written in a text field that a notice cannot
// fill and validation checks against a list (a price method, a
// moderation): [score.Tender.Validate] then names the field, the value
// "TO-COMPLETE" and the values allowed. See [Gap].
const Placeholder = "TO-COMPLETE"

// ImportOptions choose what to read from a file holding more than one
// release.
type ImportOptions struct {
	// OCID chooses the contracting process, when the file holds releases
	// of several (a page of Find a Tender's release packages).
	OCID string
	// ReleaseID chooses one release by its id. Empty takes a record's
	// compiled release, else the latest release with a tender section.
	ReleaseID string
}

// Imported is a tender read from an OCDS notice, with what the notice
// could not say.
type Imported struct {
	// Tender is the tender as far as the notice describes it, with a
	// placeholder in every field listed in Gaps.
	Tender score.Tender
	// Bids are the release's bids (bids.details), when it has any: each
	// with its tenderer, lot, price and chosen features (ProZorro's
	// parameters); what OCDS does not carry, such as evaluators' marks, is
	// left for validation to name.
	Bids []score.Bid
	// OCID and ReleaseID say which release was read.
	OCID, ReleaseID string
	// Gaps list, in the order of the tender file, every field to complete:
	// OCDS carries no marking scale, price method, moderation or minimum
	// score, nor the day a procurement commenced. Each is written so that
	// validation ([score.Tender.Validate]), or for what only the law needs
	// the frameworks check ([frameworks.Check]), reports a problem at its
	// field path.
	Gaps []Gap
	// Notes say what was read with a caveat — a value that may exclude VAT,
	// weights published as ranges, a weight read from a description — and
	// what the notice leaves out that nothing requires: the authority's
	// name and nation, the regime, a lot's term.
	Notes []string
}

// Gap is one field of an imported tender to complete: its path as package
// score names it ("lots[0].policy.criteria[1].quality.scale") and what to
// give.
type Gap struct {
	Field   string
	Message string
	// Check is true for a field scoring does not need but the law does:
	// the day the procurement commenced, the authority's type, a lot's
	// estimated value. `tenderscore check` ([frameworks.Check]) names it;
	// `tenderscore validate` ([score.Tender.Validate]) names the rest.
	Check bool
}

// String writes "lots[0].policy.criteria[1].quality.scale: to complete: …",
// or "commenced: to complete for tenderscore check: …".
func (g Gap) String() string {
	if g.Check {
		return g.Field + ": to complete for tenderscore check: " + g.Message
	}
	return g.Field + ": to complete: " + g.Message
}

// Import reads an OCDS release, record, release package or record package
// — a tender notice as Find a Tender publishes it — into a tender: the
// authority, its type and the regime (from the UK extension's buyer
// classification and the legal basis), the lots with their values and
// terms, the lot rules, and each lot's award criteria with their weights.
// name is used in errors. A file that is not OCDS, or holds fields of the
// wrong kind, gives a *tenderfile.Error naming each problem's place.
//
// What OCDS cannot carry is written as a placeholder that validation
// names, and listed in Imported.Gaps; see the package documentation.
func Import(name string, r io.Reader, opts ImportOptions) (*Imported, error) {
	doc, err := readDoc(name, r)
	if err != nil {
		return nil, err
	}
	path, rel, note, err := choose(doc, opts)
	if err != nil {
		return nil, &tenderfile.Error{Err: err, Problems: []tenderfile.Problem{{Pos: tenderfile.Position{File: name}, Rule: "release", Message: err.Error()}}}
	}
	im := &importer{file: name, path: path, rel: rel, out: &Imported{OCID: clean(rel.OCID.s), ReleaseID: clean(rel.ID.s)}}
	if note != "" {
		im.note("%s", note)
	}
	im.tender()
	if err := im.err(); err != nil {
		return nil, err
	}
	return im.out, nil
}

// candidate is one release in a file, with its path there.
type candidate struct {
	path     string
	rel      *inRelease
	compiled bool
}

// choose picks the release to read.
func choose(doc *inDoc, opts ImportOptions) (string, *inRelease, string, error) {
	cands := candidates(doc)
	if len(cands) == 0 {
		return "", nil, "", fmt.Errorf("not an OCDS release, record or package: the file has no releases, records or ocid")
	}
	if opts.OCID != "" {
		cands = filter(cands, func(c candidate) bool { return c.rel.OCID.s == opts.OCID })
		if len(cands) == 0 {
			return "", nil, "", fmt.Errorf("no release has the ocid %q", abbreviate(opts.OCID))
		}
	}
	if opts.ReleaseID != "" {
		cands = filter(cands, func(c candidate) bool { return c.rel.ID.s == opts.ReleaseID })
		if len(cands) == 0 {
			return "", nil, "", fmt.Errorf("no release has the id %q", abbreviate(opts.ReleaseID))
		}
	}
	if ocids := distinct(cands); len(ocids) > 1 {
		return "", nil, "", fmt.Errorf("the file holds releases of %d contracting processes (%s): choose one by its ocid", len(ocids), listSome(ocids))
	}
	withTender := filter(cands, func(c candidate) bool { return c.rel.Tender != nil })
	if len(withTender) == 0 {
		return "", nil, "", fmt.Errorf("no release has a tender section to read")
	}
	best := withTender[0]
	for _, c := range withTender[1:] {
		switch {
		case c.compiled && !best.compiled:
			best = c
		case c.compiled == best.compiled && !when(c.rel).Before(when(best.rel)):
			best = c
		}
	}
	note := ""
	if len(withTender) > 1 && opts.ReleaseID == "" {
		what := "the latest of its %d releases with a tender section"
		if best.compiled {
			what = "its compiled release, of %d with a tender section"
		}
		note = fmt.Sprintf("read release %q of %s, "+what+"; choose another by its id", abbreviate(best.rel.ID.s), abbreviate(best.rel.OCID.s), len(withTender))
	}
	return best.path, best.rel, note, nil
}

func candidates(doc *inDoc) []candidate {
	var out []candidate
	record := func(prefix string, releases []inRelease, compiled *inRelease) {
		if compiled != nil {
			out = append(out, candidate{path: prefix + "compiledRelease", rel: compiled, compiled: true})
		}
		for i := range releases {
			out = append(out, candidate{path: fmt.Sprintf("%sreleases[%d]", prefix, i), rel: &releases[i]})
		}
	}
	switch {
	case len(doc.Records) > 0:
		for i := range doc.Records {
			r := &doc.Records[i]
			first := len(out)
			record(fmt.Sprintf("records[%d].", i), r.Releases, r.CompiledRelease)
			for j := first; j < len(out); j++ {
				if out[j].rel.OCID.s == "" {
					out[j].rel.OCID = r.OCID // a record's releases share its ocid
				}
			}
		}
	case len(doc.Releases) > 0 || doc.CompiledRelease != nil:
		record("", doc.Releases, doc.CompiledRelease)
	case doc.OCID.set || doc.Tender != nil:
		out = append(out, candidate{rel: &doc.inRelease})
	}
	return out
}

func filter(cs []candidate, keep func(candidate) bool) []candidate {
	var out []candidate
	for _, c := range cs {
		if keep(c) {
			out = append(out, c)
		}
	}
	return out
}

func distinct(cs []candidate) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range cs {
		if !seen[c.rel.OCID.s] {
			seen[c.rel.OCID.s] = true
			out = append(out, c.rel.OCID.s)
		}
	}
	return out
}

// listSome lists up to five values, then says how many more.
func listSome(vs []string) string {
	var shown []string
	for i, v := range vs {
		if i == 5 {
			return strings.Join(shown, ", ") + fmt.Sprintf(" and %d more", len(vs)-5)
		}
		shown = append(shown, abbreviate(v))
	}
	return strings.Join(shown, ", ")
}

// when is a release's date; a date that does not read sorts first.
func when(r *inRelease) time.Time {
	t, err := time.Parse(time.RFC3339, r.Date.s)
	if err != nil {
		return time.Time{}
	}
	return t
}

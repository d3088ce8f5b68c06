package report

import (
	"encoding/json"
	"io"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/score"
)

// SchemaVersion identifies the shape of the JSON written by [JSON]. It
// changes when a field is removed or its meaning changes; fields may be
// added within a version.
const SchemaVersion = "tenderscore.result/1"

// JSON writes a result as indented JSON. Every decimal is a string; an exact
// value whose decimals never end is written as a fraction "num/den" (for
// example an unrounded "80/3"). Field order is fixed and maps are not used,
// so the same result always gives the same bytes.
func JSON(w io.Writer, r score.Result) error {
	doc := jsonResult{SchemaVersion: SchemaVersion, Tender: jsonTender{
		ID: r.TenderID, Title: r.TenderTitle,
		Authority: jsonAuthority{Name: r.Authority.Name, Type: string(r.Authority.Type)},
		Commenced: r.Commenced.String(), Regime: string(r.Regime),
	}}
	for _, l := range r.Lots {
		doc.Lots = append(doc.Lots, lotJSON(l))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// LotJSON writes one lot's result as indented JSON, in the same shape as an
// element of "lots" in [JSON].
func LotJSON(w io.Writer, l score.LotResult) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(struct {
		SchemaVersion string  `json:"schemaVersion"`
		Lot           jsonLot `json:"lot"`
	}{SchemaVersion, lotJSON(l)})
}

type jsonResult struct {
	SchemaVersion string     `json:"schemaVersion"`
	Tender        jsonTender `json:"tender"`
	Lots          []jsonLot  `json:"lots"`
}

type jsonTender struct {
	ID        string        `json:"id"`
	Title     string        `json:"title"`
	Authority jsonAuthority `json:"authority"`
	Commenced string        `json:"commenced"`
	Regime    string        `json:"regime"`
}

type jsonAuthority struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

type jsonRoute struct {
	Framework string `json:"framework,omitempty"`
	Lot       string `json:"lot,omitempty"`
	Procedure string `json:"procedure,omitempty"`
}

type jsonLot struct {
	ID             string         `json:"id"`
	Title          string         `json:"title"`
	EstimatedValue string         `json:"estimatedValue"`
	TermMonths     int            `json:"termMonths"`
	Route          jsonRoute      `json:"route"`
	Basis          string         `json:"basis"`
	Outcome        string         `json:"outcome"`
	Winner         string         `json:"winner,omitempty"`
	Standings      []jsonStanding `json:"standings"`
	Bids           []jsonBid      `json:"bids"`
	TieBreaks      []jsonTieBreak `json:"tieBreaks"`
	Rounding       []jsonRounding `json:"rounding"`
	Notes          []string       `json:"notes"`
	// Timeline is the lot's award timeline, as score.AwardTimeline writes
	// it (dates ISO, each step with its citation and verified flag).
	Timeline *score.AwardTimeline `json:"timeline,omitempty"`
}

type jsonSupplier struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Identifier string `json:"identifier,omitempty"`
	Address    string `json:"address,omitempty"`
	Email      string `json:"email,omitempty"`
}

type jsonStanding struct {
	Rank     int          `json:"rank"`
	Bid      string       `json:"bid"`
	Supplier jsonSupplier `json:"supplier"`
	Score    string       `json:"score"`
	Tied     bool         `json:"tied"`
}

type jsonBid struct {
	Bid            string            `json:"bid"`
	Supplier       jsonSupplier      `json:"supplier"`
	Status         string            `json:"status"`
	Rank           int               `json:"rank,omitempty"`
	Tied           bool              `json:"tied,omitempty"`
	Disqualified   *jsonDisqualified `json:"disqualified,omitempty"`
	Gates          []jsonGate        `json:"gates"`
	Criteria       []jsonLine        `json:"criteria"`
	Total          *jsonTotal        `json:"total,omitempty"`
	QualityPercent string            `json:"qualityPercent,omitempty"`
	Features       *jsonAdjustment   `json:"features,omitempty"`
}

type jsonDisqualified struct {
	Stage   string       `json:"stage"`
	Reasons []jsonReason `json:"reasons"`
}

type jsonReason struct {
	Rule string `json:"rule"`
	Ref  string `json:"ref,omitempty"`
	Text string `json:"text"`
}

type jsonGate struct {
	Gate  string `json:"gate"`
	Title string `json:"title"`
	Pass  bool   `json:"pass"`
	Text  string `json:"text"`
}

type jsonRounding struct {
	Stage  string `json:"stage,omitempty"`
	Places int32  `json:"places"`
	Mode   string `json:"mode"`
}

type jsonStep struct {
	Text string   `json:"text"`
	Uses []string `json:"uses,omitempty"`
}

type jsonLine struct {
	Criterion  string        `json:"criterion"`
	Title      string        `json:"title"`
	Category   string        `json:"category"`
	Weight     string        `json:"weight"`
	Available  string        `json:"available"`
	Scored     bool          `json:"scored"`
	Input      string        `json:"input,omitempty"`
	Normalised string        `json:"normalised,omitempty"`
	Unrounded  string        `json:"unrounded,omitempty"`
	Points     string        `json:"points,omitempty"`
	Rounding   *jsonRounding `json:"rounding,omitempty"`
	Working    []jsonStep    `json:"working,omitempty"`
	Rationale  []string      `json:"rationale,omitempty"`
	Notes      []string      `json:"notes,omitempty"`
	Children   []jsonLine    `json:"children,omitempty"`
}

type jsonTotal struct {
	Unrounded string        `json:"unrounded"`
	Points    string        `json:"points"`
	Rounding  *jsonRounding `json:"rounding,omitempty"`
	Working   []jsonStep    `json:"working"`
}

type jsonTieBreak struct {
	Bids     []string   `json:"bids"`
	Steps    []string   `json:"steps"`
	Resolved bool       `json:"resolved"`
	Order    [][]string `json:"order"`
}

func lotJSON(l score.LotResult) jsonLot {
	out := jsonLot{
		ID: l.Lot.ID, Title: l.Lot.Title, EstimatedValue: exact.Plain(l.Lot.EstimatedValue), TermMonths: l.Lot.TermMonths,
		Route:   jsonRoute{Framework: l.Route.Framework, Lot: l.Route.Lot, Procedure: l.Route.Procedure},
		Basis:   basisName(l.Lot.Policy.Basis),
		Outcome: string(l.Outcome), Winner: l.Winner, Timeline: l.Timeline,
		Standings: []jsonStanding{}, Bids: []jsonBid{}, TieBreaks: []jsonTieBreak{}, Rounding: []jsonRounding{},
		Notes: append([]string{}, l.Notes...),
	}
	for _, s := range l.Standings {
		out.Standings = append(out.Standings, jsonStanding{Rank: s.Rank, Bid: s.BidID, Supplier: supplierJSON(s.Supplier), Score: s.Score.Text(), Tied: s.Tied})
	}
	for _, b := range l.Bids {
		out.Bids = append(out.Bids, bidJSON(b))
	}
	for _, t := range l.TieBreaks {
		out.TieBreaks = append(out.TieBreaks, jsonTieBreak{Bids: t.Bids, Steps: t.Steps(), Resolved: t.Resolved, Order: t.Order})
	}
	for _, r := range l.Rounding {
		out.Rounding = append(out.Rounding, jsonRounding{Stage: string(r.Stage), Places: r.Places, Mode: string(r.Mode)})
	}
	return out
}

func basisName(b score.Basis) string {
	if b == "" {
		return string(score.WeightedPoints)
	}
	return string(b)
}

func supplierJSON(s score.Supplier) jsonSupplier {
	return jsonSupplier{ID: s.ID, Name: s.Name, Identifier: s.Identifier, Address: s.Address, Email: s.Email}
}

func bidJSON(b score.BidResult) jsonBid {
	out := jsonBid{Bid: b.BidID, Supplier: supplierJSON(b.Supplier), Status: "compliant", Rank: b.Rank, Tied: b.Tied,
		Gates: []jsonGate{}, Criteria: []jsonLine{}}
	if b.Disqualified != nil {
		out.Status = "disqualified"
		d := &jsonDisqualified{Stage: string(b.Disqualified.Stage)}
		for _, r := range b.Disqualified.Reasons {
			d.Reasons = append(d.Reasons, jsonReason{Rule: r.Rule, Ref: r.Ref, Text: r.Text})
		}
		out.Disqualified = d
	}
	for _, g := range b.Gates {
		out.Gates = append(out.Gates, jsonGate{Gate: g.GateID, Title: g.Title, Pass: g.Pass, Text: g.Text})
	}
	for _, c := range b.Criteria() {
		out.Criteria = append(out.Criteria, lineJSON(c))
	}
	if b.Total.Scored {
		out.Total = &jsonTotal{Unrounded: fracText(b.Total.Unrounded), Points: b.Total.Points.Text(),
			Rounding: roundingJSON(b.Total.Rounding), Working: stepsJSON(b.Total.Working())}
	}
	if b.QualityPercent != nil {
		out.QualityPercent = fracText(*b.QualityPercent)
	}
	if a, ok := b.Adjustment(); ok {
		out.Features = adjustmentJSON(a) // json_features.go
	}
	return out
}

func lineJSON(c score.Line) jsonLine {
	out := jsonLine{Criterion: c.CriterionID, Title: c.Title, Category: string(c.Category), Weight: exact.Plain(c.Weight),
		Available: fracText(c.Available), Scored: c.Scored, Input: c.Input, Rounding: roundingJSON(c.Rounding),
		Working: stepsJSON(c.Working), Rationale: c.Rationale, Notes: score.Texts(c.Notes)}
	if c.Scored {
		out.Points = c.Points.Text()
		out.Unrounded = fracText(c.Unrounded)
		if len(c.Children) == 0 {
			out.Normalised = c.Normalised.Text()
		}
	}
	for _, ch := range c.Children {
		out.Children = append(out.Children, lineJSON(ch))
	}
	return out
}

func roundingJSON(r *exact.Rounding) *jsonRounding {
	if r == nil {
		return nil
	}
	return &jsonRounding{Places: r.Places, Mode: string(r.Mode)}
}

func stepsJSON(ss []score.Step) []jsonStep {
	var out []jsonStep
	for _, s := range ss {
		out = append(out, jsonStep{Text: s.Text, Uses: s.Uses})
	}
	return out
}

// fracText writes an exact value as a decimal string, or "num/den" when its
// decimals never end.
func fracText(f exact.Fraction) string {
	return score.Figure{Value: f, Places: -1}.Text()
}

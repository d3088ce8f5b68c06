package report

import (
	"encoding/json"
	"io"
)

// SummarySchemaVersion identifies the shape of the JSON written by
// [SummaryJSON] (documented in SCHEMA.md). It changes when a field is
// removed or its meaning changes; fields may be added within a version.
const SummarySchemaVersion = "tenderscore.summary/1"

type jsonSummary struct {
	SchemaVersion    string            `json:"schemaVersion"`
	Document         string            `json:"document"`
	Basis            []string          `json:"basis"`
	Procedure        string            `json:"procedure,omitempty"`
	Date             string            `json:"date,omitempty"`
	MethodologyAt    string            `json:"methodologyAt,omitempty"`
	Tender           jsonSummaryTender `json:"tender"`
	Lot              jsonSummaryLot    `json:"lot"`
	Bid              string            `json:"bid"`
	Supplier         jsonSupplier      `json:"supplier"`
	Status           string            `json:"status"`
	Criteria         []jsonAward       `json:"criteria"`
	Gates            []jsonAwardGate   `json:"gates"`
	Rules            []string          `json:"rules"`
	Yours            jsonAssessed      `json:"yours"`
	MostAdvantageous *jsonAssessed     `json:"mostAdvantageous,omitempty"`
	WhyNot           []string          `json:"whyNot"`
	Timeline         []jsonTimeline    `json:"timeline,omitempty"`
	Withheld         []string          `json:"withheld"`
}

type jsonTimeline struct {
	Date string `json:"date,omitempty"`
	Text string `json:"text"`
}

type jsonSummaryTender struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Authority string `json:"authority"`
	Regime    string `json:"regime"`
}

type jsonSummaryLot struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

type jsonAward struct {
	Criterion  string      `json:"criterion"`
	Title      string      `json:"title"`
	Category   string      `json:"category"`
	Question   string      `json:"question,omitempty"`
	Importance string      `json:"importance"`
	Available  string      `json:"available"`
	HowScored  string      `json:"howScored"`
	Children   []jsonAward `json:"children,omitempty"`
}

type jsonAwardGate struct {
	Gate        string `json:"gate"`
	Title       string `json:"title"`
	Requirement string `json:"requirement,omitempty"`
}

type jsonAssessed struct {
	Bid          string             `json:"bid"`
	Supplier     jsonSupplier       `json:"supplier"`
	Disqualified []string           `json:"disqualified,omitempty"`
	Disregarded  bool               `json:"disregarded,omitempty"`
	Gates        []jsonGate         `json:"gates"`
	Criteria     []jsonAssessedLine `json:"criteria"`
	Total        *jsonSummaryTotal  `json:"total,omitempty"`
}

type jsonSummaryTotal struct {
	Label   string   `json:"label"`
	Points  string   `json:"points"`
	Working []string `json:"working"`
}

type jsonAssessedLine struct {
	Criterion string             `json:"criterion"`
	Title     string             `json:"title"`
	Available string             `json:"available"`
	Scored    bool               `json:"scored"`
	Points    string             `json:"points,omitempty"`
	Input     string             `json:"input,omitempty"`
	Working   []string           `json:"working,omitempty"`
	Rationale []string           `json:"rationale,omitempty"`
	Notes     []string           `json:"notes,omitempty"`
	Withheld  bool               `json:"withheld,omitempty"`
	Children  []jsonAssessedLine `json:"children,omitempty"`
}

// SummaryJSON writes one bidder's assessment summary as indented JSON in
// the shape SCHEMA.md documents. Decimals are strings; the same summary
// always gives the same bytes.
func SummaryJSON(w io.Writer, s Summary) error {
	doc := jsonSummary{SchemaVersion: SummarySchemaVersion, Document: string(s.Document), Basis: nonNil(s.Basis),
		Procedure: s.Procedure, MethodologyAt: s.MethodologyAt,
		Tender: jsonSummaryTender{ID: s.TenderID, Title: s.TenderTitle, Authority: s.Authority, Regime: string(s.Regime)},
		Lot:    jsonSummaryLot{ID: s.LotID, Title: s.LotTitle},
		Bid:    s.BidID, Supplier: supplierJSON(s.Supplier), Status: string(s.Status),
		Criteria: awardJSON(s.Criteria), Gates: []jsonAwardGate{}, Rules: nonNil(s.Rules),
		Yours: assessedJSON(s.Yours), WhyNot: nonNil(s.WhyNot), Withheld: nonNil(s.Withheld)}
	if !s.Date.IsZero() {
		doc.Date = s.Date.String()
	}
	for _, t := range s.Timeline {
		jt := jsonTimeline{Text: t.Text}
		if !t.Date.IsZero() {
			jt.Date = t.Date.String()
		}
		doc.Timeline = append(doc.Timeline, jt)
	}
	for _, g := range s.Gates {
		doc.Gates = append(doc.Gates, jsonAwardGate{Gate: g.ID, Title: g.Title, Requirement: g.Requirement})
	}
	if s.MostAdvantageous != nil {
		m := assessedJSON(*s.MostAdvantageous)
		doc.MostAdvantageous = &m
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func awardJSON(cs []AwardCriterion) []jsonAward {
	out := []jsonAward{}
	for _, c := range cs {
		a := jsonAward{Criterion: c.ID, Title: c.Title, Category: string(c.Category), Question: c.Question,
			Importance: c.Importance, Available: fracText(c.Available), HowScored: c.HowScored}
		if len(c.Children) > 0 {
			a.Children = awardJSON(c.Children)
		}
		out = append(out, a)
	}
	return out
}

func assessedJSON(t AssessedTender) jsonAssessed {
	out := jsonAssessed{Bid: t.BidID, Supplier: supplierJSON(t.Supplier), Disqualified: t.Disqualified, Disregarded: t.Disregarded,
		Gates: []jsonGate{}, Criteria: assessedLinesJSON(t.Criteria)}
	for _, g := range t.Gates {
		out.Gates = append(out.Gates, jsonGate{Gate: g.GateID, Title: g.Title, Pass: g.Pass, Text: g.Text})
	}
	if t.Total != nil {
		out.Total = &jsonSummaryTotal{Label: t.TotalLabel, Points: t.Total.Text(), Working: nonNil(t.TotalWorking)}
	}
	return out
}

func assessedLinesJSON(ls []AssessedLine) []jsonAssessedLine {
	out := []jsonAssessedLine{}
	for _, l := range ls {
		j := jsonAssessedLine{Criterion: l.CriterionID, Title: l.Title, Available: fracText(l.Available), Scored: l.Scored,
			Input: l.Input, Working: l.Working, Rationale: l.Rationale, Notes: l.Notes, Withheld: l.Withheld}
		if l.Scored {
			j.Points = l.Points.Text()
		}
		if len(l.Children) > 0 {
			j.Children = assessedLinesJSON(l.Children)
		}
		out = append(out, j)
	}
	return out
}

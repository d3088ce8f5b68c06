package frameworks

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/date"
	"github.com/tenderscore/tenderscore/score"
)

// Procedure is how a call-off under a framework is awarded, as a lot's
// score.Route.Procedure names it.
type Procedure string

// Call-off procedures.
const (
	// FurtherCompetition: a competition among the framework's suppliers
	// (PA 2023: a call-off "with competition", s.46).
	FurtherCompetition Procedure = "further-competition"
	// DirectAward: an award without competition, as the framework allows
	// (PA 2023: "without competition", s.45(3)–(4)).
	DirectAward Procedure = "direct-award"
)

// Framework is a framework agreement in the catalogue: its reference, the
// regime it was let under, its dates, lots and call-off rules, each with a
// source.
type Framework struct {
	// Ref is the framework's reference ("RM6190"); lots' routes name it.
	Ref string `json:"ref"`
	// Name is the framework's title ("Technology Services 4").
	Name string `json:"name"`
	// Aliases are other names a route may use ("TS4", "G-Cloud 14").
	Aliases []string `json:"aliases,omitempty"`
	// Regime is the law the framework was let under; its call-offs follow it.
	Regime score.Regime `json:"regime"`
	// Dates are the days call-offs may be made, both inclusive.
	Dates Period `json:"dates"`
	// CallOff holds the rules every lot follows unless it has its own.
	CallOff CallOffRules `json:"callOff"`
	// Lots are the framework's lots; empty when the catalogue does not
	// record them (any lot is then accepted).
	Lots []FrameworkLot `json:"lots,omitempty"`
	// Source is where the framework's facts come from.
	Source Source `json:"source"`
}

// FrameworkLot is one lot of a framework.
type FrameworkLot struct {
	// ID is the lot as routes name it ("3", "3a", "3.4"); "Lot 3" matches "3".
	ID    string `json:"id"`
	Title string `json:"title"`
	// Matrix lists the component lots of a matrix lot ("3" and "4" for 3.4).
	Matrix []string `json:"matrix,omitempty"`
	// Dates, when set, replace the framework's dates for this lot.
	Dates *Period `json:"dates,omitempty"`
	// CallOff, when set, replaces the framework's call-off rules for this lot.
	CallOff *CallOffRules `json:"callOff,omitempty"`
	// Source is where the lot's existence and title come from.
	Source Source `json:"source"`
}

// Period is the span of days a framework (or one of its lots) may be
// called off from, both ends inclusive. A zero date is not recorded.
type Period struct {
	Start date.Date `json:"start"`
	End   date.Date `json:"end"`
	// StartSource and EndSource say where each date comes from.
	StartSource Source `json:"startSource"`
	EndSource   Source `json:"endSource"`
}

// CallOffRules are a framework's rules for its call-off contracts. A zero
// field means the catalogue does not record that rule; the checks then say
// so in a note rather than guess.
type CallOffRules struct {
	// Procedures are the permitted award procedures; empty is not recorded.
	Procedures []Procedure `json:"procedures,omitempty"`
	// MaxTermMonths is the longest call-off term, extensions included; 0 is
	// not recorded.
	MaxTermMonths int `json:"maxTermMonths,omitempty"`
	// Categories are the categories of the framework's own award criteria
	// (PA 2023 s.46(8)–(9): refined, not replaced); empty is not recorded.
	Categories []score.Category `json:"categories,omitempty"`
	// Weights are the weighting ranges the framework sets for its
	// evaluation heads; empty means none are set.
	Weights []WeightRange `json:"weights,omitempty"`
	// WholeNumberWeights requires each head's weight to be a whole number.
	WholeNumberWeights bool `json:"wholeNumberWeights,omitempty"`
	// MinSuppliers and MaxSuppliers bound how many suppliers are evaluated
	// in a call-off competition; 0 is not set.
	MinSuppliers int `json:"minSuppliers,omitempty"`
	MaxSuppliers int `json:"maxSuppliers,omitempty"`
	// Source is where the call-off rules come from.
	Source Source `json:"source"`
}

// WeightRange is a framework's permitted weight, as a percentage of the
// total, for one evaluation head, such as "cultural fit 5–20%".
type WeightRange struct {
	// Head names it ("technical competence").
	Head string `json:"head"`
	// Category is the score category of the criteria under this head.
	Category score.Category `json:"category"`
	// Match lists criterion ids, or words in criterion titles, that belong
	// to this head (case-insensitive); empty means every top-level
	// criterion of Category.
	Match []string        `json:"match,omitempty"`
	Min   decimal.Decimal `json:"min"`
	Max   decimal.Decimal `json:"max"`
}

// matches reports whether a top-level criterion of the given category
// belongs to this head.
func (w WeightRange) matches(c score.Criterion, cat score.Category) bool {
	if cat != w.Category {
		return false
	}
	if len(w.Match) == 0 {
		return true
	}
	id, title := strings.ToLower(c.ID), strings.ToLower(c.Title)
	for _, m := range w.Match {
		m = strings.ToLower(strings.TrimSpace(m))
		if m != "" && (id == m || strings.Contains(title, m)) {
			return true
		}
	}
	return false
}

// normLot reduces a lot name to its id: "Lot 3a" → "3a".
func normLot(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "lot")
	return strings.TrimSpace(s)
}

// Lot returns the framework's lot with the given id ("3", "Lot 3").
func (f Framework) Lot(id string) (FrameworkLot, bool) {
	want := normLot(id)
	for _, l := range f.Lots {
		if normLot(l.ID) == want {
			return l, true
		}
	}
	return FrameworkLot{}, false
}

// names returns the framework's reference and aliases, normalised.
func (f Framework) names() []string {
	out := []string{normRef(f.Ref)}
	for _, a := range f.Aliases {
		out = append(out, normRef(a))
	}
	return out
}

func normRef(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// rulesFor returns the call-off rules and dates that apply to a lot.
func (f Framework) rulesFor(l *FrameworkLot) (CallOffRules, Period) {
	rules, dates := f.CallOff, f.Dates
	if l != nil && l.CallOff != nil {
		rules = *l.CallOff
	}
	if l != nil && l.Dates != nil {
		dates = *l.Dates
	}
	return rules, dates
}

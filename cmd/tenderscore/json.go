package main

import (
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/exact"
	"github.com/tenderscore/tenderscore/frameworks"
	"github.com/tenderscore/tenderscore/score"
	"github.com/tenderscore/tenderscore/score/analysis"
)

// The JSON documents the command writes itself, beside those of package
// score/report. Each names its schema in schemaVersion; a version changes
// only when a field is removed or changes meaning. SCHEMA.md documents
// them and schema/*.schema.json holds their JSON Schemas, checked by
// schema_test.go against what the command writes.
const (
	checkSchemaVersion  = "tenderscore.check/1"
	whatifSchemaVersion = "tenderscore.whatif/1"
)

type jsonTender struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

type jsonSupplier struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func supplierJSON(s score.Supplier) jsonSupplier { return jsonSupplier{ID: s.ID, Name: s.Name} }

// dec writes a decimal as a string of its digits, as every tenderscore
// JSON document does.
func dec(d decimal.Decimal) string { return exact.Plain(d) }

// frac writes an exact value as a decimal string when its decimals end,
// else as "num/den".
func frac(f exact.Fraction) string { return score.Figure{Value: f, Places: -1}.Text() }

// tenderscore.check/1

type jsonCheck struct {
	SchemaVersion string        `json:"schemaVersion"`
	Tender        jsonTender    `json:"tender"`
	Counts        jsonCounts    `json:"counts"`
	Findings      []jsonFinding `json:"findings"`
}

type jsonCounts struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Notes    int `json:"notes"`
}

type jsonFinding struct {
	Severity  string     `json:"severity"`
	Code      string     `json:"code"`
	Lot       string     `json:"lot,omitempty"`
	Criterion string     `json:"criterion,omitempty"`
	Field     string     `json:"field,omitempty"`
	Message   string     `json:"message"`
	Source    jsonSource `json:"source"`
}

type jsonSource struct {
	Cite     string `json:"cite"`
	Verified bool   `json:"verified"`
	Note     string `json:"note,omitempty"`
}

func checkJSON(t score.Tender, fs frameworks.Findings) jsonCheck {
	out := jsonCheck{SchemaVersion: checkSchemaVersion, Tender: jsonTender{ID: t.ID, Title: t.Title},
		Counts:   jsonCounts{Errors: fs.Count(frameworks.Error), Warnings: fs.Count(frameworks.Warning), Notes: fs.Count(frameworks.Note)},
		Findings: make([]jsonFinding, 0, len(fs))}
	for _, f := range fs {
		out.Findings = append(out.Findings, jsonFinding{Severity: f.Severity.String(), Code: f.Code, Lot: f.Lot, Criterion: f.Criterion,
			Field: f.Field, Message: f.Message, Source: jsonSource{Cite: f.Source.Cite, Verified: f.Source.Verified, Note: f.Source.Note}})
	}
	return out
}

// tenderscore.whatif/1

type jsonWhatif struct {
	SchemaVersion string          `json:"schemaVersion"`
	Tender        jsonTender      `json:"tender"`
	Lots          []jsonWhatifLot `json:"lots"`
}

type jsonWhatifLot struct {
	ID            string             `json:"id"`
	Title         string             `json:"title"`
	Outcome       string             `json:"outcome"`
	Winner        string             `json:"winner,omitempty"`
	ToWin         []jsonToWin        `json:"toWin"`
	Sensitivity   jsonSensitivity    `json:"sensitivity"`
	Reversals     []jsonReversal     `json:"reversals"`
	LowPriceRules []jsonLowPriceRule `json:"lowPriceRules"`
	LowPrice      []jsonFlag         `json:"lowPrice"`
}

type jsonToWin struct {
	Bid      string         `json:"bid"`
	Supplier jsonSupplier   `json:"supplier"`
	Total    string         `json:"total"`
	Price    jsonPriceToWin `json:"price"`
	Marks    jsonMarksToWin `json:"marks"`
}

type jsonPriceToWin struct {
	Answer        string          `json:"answer"`
	Criterion     string          `json:"criterion,omitempty"`
	Current       string          `json:"current,omitempty"`
	Price         string          `json:"price,omitempty"`
	Cut           string          `json:"cut,omitempty"`
	CutPercent    string          `json:"cutPercent,omitempty"`
	Estimate      string          `json:"estimate,omitempty"`
	BecomesLowest bool            `json:"becomesLowest"`
	Schedule      bool            `json:"schedule"`
	Edge          bool            `json:"edge,omitempty"`
	Checks        []jsonCheckStep `json:"checks"`
	Explanation   string          `json:"explanation"`
}

type jsonMarksToWin struct {
	Answer      string           `json:"answer"`
	Steps       int              `json:"steps"`
	Changes     []jsonMarkChange `json:"changes"`
	Gain        string           `json:"gain,omitempty"`
	Checks      []jsonCheckStep  `json:"checks"`
	Explanation string           `json:"explanation"`
}

type jsonMarkChange struct {
	Criterion string `json:"criterion"`
	Title     string `json:"title"`
	Evaluator string `json:"evaluator,omitempty"`
	From      string `json:"from"`
	To        string `json:"to"`
}

// jsonCheckStep is one re-scoring that confirms an answer.
type jsonCheckStep struct {
	Change  string `json:"change"`
	Holds   bool   `json:"holds"`
	Verdict string `json:"verdict"`
	Winner  string `json:"winner,omitempty"`
	Scores  string `json:"scores,omitempty"`
}

type jsonSensitivity struct {
	Winner     string            `json:"winner,omitempty"`
	Robustness string            `json:"robustness"`
	Statement  string            `json:"statement"`
	Smallest   *int              `json:"smallest,omitempty"`
	Shifts     []jsonWeightShift `json:"shifts"`
	Joining    []jsonWeightShift `json:"joining,omitempty"`
}

type jsonWeightShift struct {
	Rival       string          `json:"rival"`
	Supplier    jsonSupplier    `json:"supplier"`
	Answer      string          `json:"answer"`
	From        string          `json:"from,omitempty"`
	FromTitle   string          `json:"fromTitle,omitempty"`
	To          string          `json:"to,omitempty"`
	ToTitle     string          `json:"toTitle,omitempty"`
	Points      string          `json:"points,omitempty"`
	BreakEven   string          `json:"breakEven,omitempty"`
	DrawsLevel  *bool           `json:"drawsLevel,omitempty"`
	NewWinner   string          `json:"newWinner,omitempty"`
	Checks      []jsonCheckStep `json:"checks"`
	Explanation string          `json:"explanation"`
}

type jsonReversal struct {
	Removed       string             `json:"removed"`
	Supplier      jsonSupplier       `json:"supplier"`
	Pairs         []jsonReversedPair `json:"pairs"`
	WinnerBefore  string             `json:"winnerBefore,omitempty"`
	WinnerAfter   string             `json:"winnerAfter,omitempty"`
	WinnerChanged bool               `json:"winnerChanged"`
	Explanation   string             `json:"explanation"`
}

type jsonReversedPair struct {
	Above string `json:"above"`
	Below string `json:"below"`
	Tied  bool   `json:"tied"`
}

type jsonLowPriceRule struct {
	Name           string `json:"name"`
	Test           string `json:"test"`
	Percent        string `json:"percent"`
	AtBoundary     bool   `json:"atBoundary"`
	WinnerOnly     bool   `json:"winnerOnly"`
	MarginPercent  string `json:"marginPercent,omitempty"`
	MarginMin      string `json:"marginMin,omitempty"`
	MarginMax      string `json:"marginMax,omitempty"`
	Source         string `json:"source"`
	Interpretation string `json:"interpretation,omitempty"`
}

type jsonFlag struct {
	Bid         string       `json:"bid"`
	Supplier    jsonSupplier `json:"supplier"`
	Criterion   string       `json:"criterion"`
	Rule        string       `json:"rule"`
	Price       string       `json:"price"`
	Compared    string       `json:"compared"`
	Below       string       `json:"below"`
	Action      string       `json:"action"`
	Explanation string       `json:"explanation"`
	Source      string       `json:"source"`
}

func whatifJSON(res score.Result, as []analysis.LotAnalysis) jsonWhatif {
	out := jsonWhatif{SchemaVersion: whatifSchemaVersion, Tender: jsonTender{ID: res.TenderID, Title: res.TenderTitle}, Lots: []jsonWhatifLot{}}
	for i, l := range res.Lots {
		a := as[i]
		jl := jsonWhatifLot{ID: l.Lot.ID, Title: l.Lot.Title, Outcome: string(a.Outcome), Winner: a.Winner,
			ToWin: []jsonToWin{}, Sensitivity: sensitivityJSON(a.Sensitivity), Reversals: []jsonReversal{},
			LowPriceRules: []jsonLowPriceRule{}, LowPrice: []jsonFlag{}}
		for _, tw := range a.ToWin {
			jl.ToWin = append(jl.ToWin, jsonToWin{Bid: tw.BidID, Supplier: supplierJSON(tw.Supplier), Total: tw.Total.Text(),
				Price: priceToWinJSON(tw.Price), Marks: marksToWinJSON(tw.Marks)})
		}
		for _, r := range a.Reversals {
			jr := jsonReversal{Removed: r.Removed, Supplier: supplierJSON(r.RemovedSupplier), Pairs: []jsonReversedPair{},
				WinnerBefore: r.WinnerBefore, WinnerAfter: r.WinnerAfter, WinnerChanged: r.WinnerChanged, Explanation: r.Explanation}
			for _, p := range r.Pairs {
				jr.Pairs = append(jr.Pairs, jsonReversedPair{Above: p.Above, Below: p.Below, Tied: p.Tied})
			}
			jl.Reversals = append(jl.Reversals, jr)
		}
		for _, r := range a.LowPriceRules {
			jl.LowPriceRules = append(jl.LowPriceRules, jsonLowPriceRule{Name: r.Name, Test: string(r.Test), Percent: dec(r.Percent),
				AtBoundary: r.AtBoundary, WinnerOnly: r.WinnerOnly, MarginPercent: nonZero(r.MarginPercent), MarginMin: nonZero(r.MarginMin),
				MarginMax: nonZero(r.MarginMax), Source: r.Source, Interpretation: r.Interpretation})
		}
		for _, f := range a.LowPrice {
			jl.LowPrice = append(jl.LowPrice, jsonFlag{Bid: f.BidID, Supplier: supplierJSON(f.Supplier), Criterion: f.Criterion, Rule: f.Rule,
				Price: dec(f.Price), Compared: frac(f.Compared), Below: frac(f.Below), Action: string(f.Action), Explanation: f.Explanation, Source: f.Source})
		}
		out.Lots = append(out.Lots, jl)
	}
	return out
}

func nonZero(d decimal.Decimal) string {
	if d.IsZero() {
		return ""
	}
	return dec(d)
}

func priceToWinJSON(p analysis.PriceToWin) jsonPriceToWin {
	out := jsonPriceToWin{Answer: string(p.Answer), Criterion: p.Criterion, BecomesLowest: p.BecomesLowest, Schedule: p.Schedule,
		Edge: p.Edge, Checks: checksJSON(p.Checks), Explanation: p.Explanation()}
	if p.Criterion != "" {
		out.Current = dec(p.Current)
	}
	if p.Answer == analysis.Found {
		out.Price, out.Cut, out.CutPercent = dec(p.Price), dec(p.Cut), frac(p.CutPercent)
	}
	if p.Estimate != nil {
		out.Estimate = frac(*p.Estimate)
	}
	return out
}

func marksToWinJSON(m analysis.MarksToWin) jsonMarksToWin {
	out := jsonMarksToWin{Answer: string(m.Answer), Steps: m.Steps, Changes: []jsonMarkChange{}, Checks: checksJSON(m.Checks), Explanation: m.Explanation()}
	for _, c := range m.Changes {
		out.Changes = append(out.Changes, jsonMarkChange{Criterion: c.Criterion, Title: c.Title, Evaluator: c.Evaluator, From: dec(c.From), To: dec(c.To)})
	}
	if m.Answer == analysis.Found {
		out.Gain = frac(m.Gain)
	}
	return out
}

func sensitivityJSON(s analysis.Sensitivity) jsonSensitivity {
	out := jsonSensitivity{Winner: s.Winner, Robustness: string(s.Robustness), Statement: s.Statement, Shifts: []jsonWeightShift{}}
	if s.Smallest >= 0 {
		i := s.Smallest
		out.Smallest = &i
	}
	for _, w := range s.Shifts {
		js := weightShiftJSON(w)
		if w.Answer == analysis.Found {
			level := w.DrawsLevel
			js.BreakEven, js.DrawsLevel = frac(w.BreakEven), &level
		}
		out.Shifts = append(out.Shifts, js)
	}
	for _, w := range s.Joining { // no break-even is worked out for them
		out.Joining = append(out.Joining, weightShiftJSON(w))
	}
	return out
}

// weightShiftJSON is one shift of weight, its break-even aside.
func weightShiftJSON(w analysis.WeightShift) jsonWeightShift {
	js := jsonWeightShift{Rival: w.Rival, Supplier: supplierJSON(w.RivalSupplier), Answer: string(w.Answer), From: w.From, FromTitle: w.FromTitle,
		To: w.To, ToTitle: w.ToTitle, NewWinner: w.NewWinner, Checks: checksJSON(w.Checks), Explanation: w.Explanation()}
	if w.Answer == analysis.Found {
		js.Points = dec(w.Points)
	}
	return js
}

func checksJSON(cs []analysis.Check) []jsonCheckStep {
	out := make([]jsonCheckStep, 0, len(cs))
	for _, c := range cs {
		out = append(out, jsonCheckStep{Change: c.Change(), Holds: c.Holds, Verdict: c.Verdict(), Winner: c.Winner, Scores: c.Scores()})
	}
	return out
}

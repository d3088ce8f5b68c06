package frameworks

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/score"
)

// Catalogue is a set of frameworks looked up by reference or alias. It is a
// value: With returns a new catalogue and leaves the old one as it was.
type Catalogue struct {
	fws []Framework
}

// NewCatalogue returns a catalogue of the given frameworks, or a
// *score.ValidationError naming every problem ("frameworks[2].lots[0].id").
func NewCatalogue(fws ...Framework) (Catalogue, error) {
	var ps problems
	seen := map[string]int{}
	for i, f := range fws {
		path := fmt.Sprintf("frameworks[%d]", i)
		validateFramework(&ps, path, f)
		for _, n := range f.names() {
			if n == "" {
				continue
			}
			if j, dup := seen[n]; dup && j != i {
				ps.add(path+".ref", f.Ref, "unique", "the name %q is already used by frameworks[%d]", n, j)
			} else {
				seen[n] = i
			}
		}
	}
	if err := ps.err(); err != nil {
		return Catalogue{}, err
	}
	return Catalogue{fws: slices.Clone(fws)}, nil
}

// With returns a catalogue with the given frameworks added; one whose Ref
// matches an existing framework replaces it (to record an extension, say).
func (c Catalogue) With(fws ...Framework) (Catalogue, error) {
	out := slices.Clone(c.fws)
	for _, f := range fws {
		i := slices.IndexFunc(out, func(g Framework) bool { return normRef(g.Ref) == normRef(f.Ref) })
		if i >= 0 {
			out[i] = f
		} else {
			out = append(out, f)
		}
	}
	return NewCatalogue(out...)
}

// Lookup returns the framework with the given reference or alias
// (case-insensitive).
func (c Catalogue) Lookup(ref string) (Framework, bool) {
	want := normRef(ref)
	for _, f := range c.fws {
		if slices.Contains(f.names(), want) {
			return f, true
		}
	}
	return Framework{}, false
}

// Frameworks returns the catalogue's frameworks in the order added.
func (c Catalogue) Frameworks() []Framework { return slices.Clone(c.fws) }

func validateFramework(ps *problems, path string, f Framework) {
	if f.Ref == "" {
		ps.add(path+".ref", "", "required", "a framework needs its reference")
	}
	if f.Name == "" {
		ps.add(path+".name", "", "required", "a framework needs its name")
	}
	if f.Regime != score.PCR2015 && f.Regime != score.PA2023 {
		ps.add(path+".regime", string(f.Regime), "one-of", "must be %s or %s", score.PCR2015, score.PA2023)
	}
	if f.Source.Cite == "" {
		ps.add(path+".source.cite", "", "required", "every framework needs its source")
	}
	validatePeriod(ps, path+".dates", f.Dates)
	validateCallOff(ps, path+".callOff", f.CallOff)
	ids := map[string]int{}
	for i, l := range f.Lots {
		lp := fmt.Sprintf("%s.lots[%d]", path, i)
		if normLot(l.ID) == "" {
			ps.add(lp+".id", l.ID, "required", "a framework lot needs its id")
		} else if j, dup := ids[normLot(l.ID)]; dup {
			ps.add(lp+".id", l.ID, "unique", "lot id already used by lots[%d]", j)
		} else {
			ids[normLot(l.ID)] = i
		}
		if l.Dates != nil {
			validatePeriod(ps, lp+".dates", *l.Dates)
		}
		if l.CallOff != nil {
			validateCallOff(ps, lp+".callOff", *l.CallOff)
		}
	}
}

func validatePeriod(ps *problems, path string, p Period) {
	if !p.Start.IsZero() && !p.End.IsZero() && p.End.Before(p.Start) {
		ps.add(path+".end", p.End.String(), "after-start", "the end date is before the start date %s", p.Start)
	}
}

func validateCallOff(ps *problems, path string, r CallOffRules) {
	for i, p := range r.Procedures {
		if p != FurtherCompetition && p != DirectAward {
			ps.add(fmt.Sprintf("%s.procedures[%d]", path, i), string(p), "one-of", "must be %s or %s", FurtherCompetition, DirectAward)
		}
	}
	if r.MaxTermMonths < 0 {
		ps.add(path+".maxTermMonths", fmt.Sprint(r.MaxTermMonths), "non-negative", "a maximum term cannot be negative")
	}
	if r.MinSuppliers < 0 || r.MaxSuppliers < 0 || (r.MaxSuppliers > 0 && r.MaxSuppliers < r.MinSuppliers) {
		ps.add(path+".maxSuppliers", fmt.Sprint(r.MaxSuppliers), "range", "supplier numbers must be positive with the maximum not below the minimum %d", r.MinSuppliers)
	}
	for i, c := range r.Categories {
		if !validCategory(c) {
			ps.add(fmt.Sprintf("%s.categories[%d]", path, i), string(c), "one-of", "must be %s, %s or %s", score.Price, score.Quality, score.SocialValue)
		}
	}
	hundred := decimal.NewFromInt(100)
	for i, w := range r.Weights {
		wp := fmt.Sprintf("%s.weights[%d]", path, i)
		if w.Head == "" {
			ps.add(wp+".head", "", "required", "a weighting range needs the head it applies to")
		}
		if !validCategory(w.Category) {
			ps.add(wp+".category", string(w.Category), "one-of", "must be %s, %s or %s", score.Price, score.Quality, score.SocialValue)
		}
		if !ps.number(wp+".min", w.Min) || !ps.number(wp+".max", w.Max) {
			continue // data.go: nothing is compared with a number beyond the limits
		}
		if w.Min.Sign() < 0 || w.Max.Cmp(hundred) > 0 || w.Max.Cmp(w.Min) < 0 {
			ps.add(wp+".max", w.Max.String(), "range", "a weighting range runs from 0 to 100 with the maximum not below the minimum %s", w.Min)
		}
	}
	if r.Source.Cite == "" && (len(r.Procedures) > 0 || r.MaxTermMonths > 0 || len(r.Categories) > 0 || len(r.Weights) > 0 || r.MinSuppliers > 0 || r.MaxSuppliers > 0) {
		ps.add(path+".source.cite", "", "required", "call-off rules need their source")
	}
}

func validCategory(c score.Category) bool {
	return c == score.Price || c == score.Quality || c == score.SocialValue
}

// problems collects validation problems into a *score.ValidationError.
type problems []score.Problem

func (ps *problems) add(field, value, rule, format string, args ...any) {
	*ps = append(*ps, score.Problem{Field: field, Value: value, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

func (ps problems) err() error {
	if len(ps) == 0 {
		return nil
	}
	return &score.ValidationError{Problems: capped(ps)} // data.go
}

package score

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/go-playground/validator/v10"
	"github.com/shopspring/decimal"

	"github.com/tenderscore/tenderscore/criteria"
)

// Validate checks the tender and the bids together and reports every
// problem at once as a [*ValidationError]; nil when all is well.
func (t Tender) Validate(bids []Bid) error { return newValidation().all(t, bids, false) }

// all runs every check on the tender and the bids; with read, each bid is
// also read for its lot as soon as it passes its own checks, into v.rd
// (prepare_read.go).
func (v *validation) all(t Tender, bids []Bid, read bool) error {
	if v.numbers("", reflect.ValueOf(t)) { // validate_numbers.go
		return v.err()
	}
	v.tender(t)
	if read && len(v.ps) == 0 && v.omitted == 0 {
		v.rd = newReader(t, bids)
	}
	v.bidsOf(t, bids, "")
	v.lotRules(t, bids)         // validate_lotrules.go
	v.evaluationRecord(t, bids) // evaluation_record.go
	return v.err()
}

// Validate checks one policy on its own, with field paths relative to it.
func (p Policy) Validate() error {
	v := newValidation()
	if v.numbers("", reflect.ValueOf(p)) {
		return v.err()
	}
	v.policy("", p)
	return v.err()
}

type validation struct {
	ps []Problem
	// omitted counts the problems past criteria.MaxProblems: they are
	// counted, not kept, so that validating a hostile input costs memory
	// for a hundred problems, not for millions.
	omitted int
	// counting is set for a bid checked after its chunk holds enough
	// problems: its problems are only counted, never built.
	counting bool
	struct_  *validator.Validate
	types    numberTypes // validate_numbers.go
	// rd, when set, reads each bid that passes (prepare_read.go).
	rd *reader
	// inTurn runs the checks across bids before the bids' own checks,
	// never beside them (validate_bids.go): what a test compares with.
	inTurn bool
}

func newValidation() *validation { return &validation{struct_: structValidator()} }

// structValidator is the one validator of struct tags, made on first use:
// making one costs some 30 µs and 13 KB, which a validation of a few bids
// (an analysis re-scoring a changed copy) would spend again each time, and
// a validator.Validate is made to be shared — it is safe for concurrent
// use and caches what it learns of each struct type.
var structValidator = sync.OnceValue(func() *validator.Validate {
	sv := validator.New(validator.WithRequiredStructEnabled())
	sv.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		if name == "" {
			return f.Name
		}
		return name
	})
	return sv
})

func (v *validation) err() error {
	if len(v.ps) == 0 {
		return nil
	}
	ps := v.ps
	if v.omitted > 0 {
		ps = append(ps, criteria.TooMany(v.omitted))
	}
	return &ValidationError{Problems: ps}
}

// full reports whether the list holds criteria.MaxProblems already, or is
// only counting: a further problem is only counted.
func (v *validation) full() bool { return v.counting || len(v.ps) >= criteria.MaxProblems }

// push records one problem, or counts it once the list is full.
func (v *validation) push(p Problem) {
	if v.full() {
		v.omitted++
		return
	}
	v.ps = append(v.ps, p)
}

func (v *validation) add(field, value, rule, format string, args ...any) {
	if v.full() {
		v.omitted++ // no message is formatted for a problem not shown
		return
	}
	v.ps = append(v.ps, Problem{Field: field, Value: value, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

func (v *validation) addAll(prefix string, ps []criteria.Problem) {
	for _, p := range ps {
		v.push(p.Prefixed(prefix))
	}
}

// number records a problem with a decimal's size, if any, and reports
// whether the decimal is within the limits, so that nothing is computed
// from one that is not.
func (v *validation) number(field string, d decimal.Decimal) bool {
	if p := criteria.CheckNumber(field, d); p != nil {
		v.push(*p)
		return false
	}
	return true
}

func join(prefix, field string) string {
	if prefix == "" {
		return field
	}
	return prefix + "." + field
}

// structTags runs the declarative checks in the model's `validate` tags and
// turns validator's errors into Problems in our words: its own messages
// never reach a user.
func (v *validation) structTags(prefix string, s any) {
	err := v.struct_.Struct(s)
	var ves validator.ValidationErrors
	if !errors.As(err, &ves) {
		if err != nil {
			v.add(prefix, "", "invalid", "cannot be checked: %v", err)
		}
		return
	}
	for _, fe := range ves {
		ns := fe.Namespace()
		if _, rest, ok := strings.Cut(ns, "."); ok {
			ns = rest
		}
		field := ns
		if prefix != "" {
			field = prefix + "." + ns
		}
		v.push(Problem{Field: field, Value: valueText(fe.Value()), Rule: tagRule(fe), Message: tagMessage(fe)})
	}
}

func valueText(x any) string {
	switch x := x.(type) {
	case nil:
		return ""
	case string:
		return x
	case fmt.Stringer:
		return x.String()
	}
	rv := reflect.ValueOf(x)
	if rv.Kind() == reflect.Slice {
		return fmt.Sprintf("%d items", rv.Len())
	}
	return fmt.Sprint(x)
}

// tagRule names the rule a validator tag stands for in the words every
// other check uses ("one-of", not validator's "oneof").
func tagRule(fe validator.FieldError) string {
	switch fe.Tag() {
	case "oneof":
		return "one-of"
	case "min":
		if fe.Kind() == reflect.Slice {
			return "at-least-" + fe.Param()
		}
		return "range"
	case "gte", "lte", "max":
		return "range"
	}
	return fe.Tag()
}

func tagMessage(fe validator.FieldError) string {
	switch fe.Tag() {
	case "required":
		return "is required"
	case "oneof":
		return "must be one of: " + strings.Join(strings.Fields(fe.Param()), ", ")
	case "min":
		if fe.Kind() == reflect.Slice {
			return fmt.Sprintf("needs at least %s", fe.Param())
		}
		return fmt.Sprintf("must be at least %s", fe.Param())
	case "gte":
		return fmt.Sprintf("must be at least %s", fe.Param())
	case "lte":
		return fmt.Sprintf("must be at most %s", fe.Param())
	}
	return fmt.Sprintf("breaks the rule %q", fe.Tag())
}

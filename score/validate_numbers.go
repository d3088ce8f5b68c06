package score

import (
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Before anything else is checked, every decimal of the tender — weights,
// budgets, bands, rates, scales, schedules, lot rules — is checked against
// the size limits (criteria.CheckNumber), from its exponent and digits
// alone. A tender built in Go with a decimal beyond them (10^(2^30), say)
// is refused with those problems only: no rule is checked, so no rule's
// comparison or message ever expands such a number. Bids' decimals are
// checked where they are read, each before it is used.

var decimalType = reflect.TypeFor[decimal.Decimal]()

// numbers checks every decimal reachable from x, recording a problem at
// its field path for each beyond the limits; it reports whether there
// was any.
func (v *validation) numbers(path string, x reflect.Value) bool {
	before := len(v.ps) + v.omitted
	v.walkNumbers(path, x)
	return len(v.ps)+v.omitted > before
}

func (v *validation) walkNumbers(path string, x reflect.Value) {
	switch x.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !x.IsNil() {
			v.walkNumbers(path, x.Elem())
		}
	case reflect.Struct:
		if x.Type() == decimalType {
			v.number(path, x.Interface().(decimal.Decimal))
			return
		}
		for _, f := range v.numberFields(x.Type()) {
			v.walkNumbers(join(path, f.name), x.FieldByIndex(f.index))
		}
	case reflect.Slice, reflect.Array:
		if !v.holdsNumbers(x.Type().Elem()) {
			return
		}
		for i := range x.Len() {
			v.walkNumbers(path+"["+strconv.Itoa(i)+"]", x.Index(i))
		}
	case reflect.Map:
		if !v.holdsNumbers(x.Type().Elem()) {
			return
		}
		for _, k := range sortedMapKeys(x) {
			v.walkNumbers(path+"["+k.String()+"]", x.MapIndex(k))
		}
	}
}

// numberField is a struct field that can hold a decimal, by its JSON name.
type numberField struct {
	name  string
	index []int
}

// numberTypes caches, for one validation, what numbers finds of each
// type: no state outlives a call.
type numberTypes struct {
	fields map[reflect.Type][]numberField
	holds  map[reflect.Type]bool
}

// numberFields lists a struct type's fields that can hold a decimal,
// named as files name them; embedded structs' fields are promoted.
func (v *validation) numberFields(t reflect.Type) []numberField {
	if v.types.fields == nil {
		v.types.fields = map[reflect.Type][]numberField{}
	}
	if fs, ok := v.types.fields[t]; ok {
		return fs
	}
	var out []numberField
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() || !v.holdsNumbers(f.Type) {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct && f.Type != decimalType {
			for _, g := range v.numberFields(f.Type) {
				out = append(out, numberField{name: g.name, index: append([]int{i}, g.index...)})
			}
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, numberField{name: name, index: []int{i}})
	}
	v.types.fields[t] = out
	return out
}

// holdsNumbers reports whether a value of type t can hold a decimal.
func (v *validation) holdsNumbers(t reflect.Type) bool {
	if v.types.holds == nil {
		v.types.holds = map[reflect.Type]bool{}
	}
	if h, ok := v.types.holds[t]; ok {
		return h
	}
	v.types.holds[t] = false // a recursive type holds none through itself
	h := false
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
		h = v.holdsNumbers(t.Elem())
	case reflect.Struct:
		if t == decimalType {
			h = true
			break
		}
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() && v.holdsNumbers(f.Type) {
				h = true
				break
			}
		}
	}
	v.types.holds[t] = h
	return h
}

// sortedMapKeys returns a string-keyed map's keys in order, so problems
// come in a deterministic order.
func sortedMapKeys(m reflect.Value) []reflect.Value {
	ks := m.MapKeys()
	slices.SortFunc(ks, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
	return ks
}

package criteria

// Arena makes explanation records in blocks, for an engine assessing many
// bids: one allocation for many records instead of one each. The records
// of a block live as long as any assessment made in it is in use. An Arena
// is used by one goroutine at a time; its zero value is ready to use, and a
// nil *Arena makes each record on its own.
type Arena struct {
	quality []qualityRecord
}

// arenaBlock is how many records an Arena makes at a time.
const arenaBlock = 256

func (a *Arena) qualityRecord() *qualityRecord {
	if a == nil {
		return new(qualityRecord)
	}
	if len(a.quality) == cap(a.quality) {
		a.quality = make([]qualityRecord, 0, arenaBlock)
	}
	a.quality = a.quality[:len(a.quality)+1]
	return &a.quality[len(a.quality)-1]
}

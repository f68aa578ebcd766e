package ui

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	fsm "github.com/fsmgen/fsmgen/runtime"
)

// listView is the jobs list: the filter, the counts, one page of jobs.
type listView struct {
	Status, Name, From, To string
	FilterErrors           []string
	Statuses               []statusCount
	Total                  int
	CountsOf               string // "" for all jobs, else the name they count
	Jobs                   []listRow
	NewerURL, OlderURL     string
	NewestURL              string // the first page, when this is another
	Filtered               bool
}

type statusCount struct {
	Status  fsm.Status
	Count   int
	URL     string
	Current bool
}

type listRow struct {
	fsm.JobRecord
	Short string // the job's name without its package path
	Note  string
}

// timeLayouts are what the time filter fields accept: what a datetime-local
// input sends, and RFC 3339.
var timeLayouts = []string{"2006-01-02T15:04", "2006-01-02T15:04:05", time.RFC3339Nano, "2006-01-02"}

func parseTime(s string) (time.Time, bool) {
	for _, l := range timeLayouts {
		if t, err := time.ParseInLocation(l, s, time.UTC); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	v := &listView{Status: q.Get("status"), Name: strings.TrimSpace(q.Get("name")), From: q.Get("from"), To: q.Get("to")}
	f := fsm.JobFilter{Name: v.Name, Limit: s.opts.PageSize + 1, Newest: true}
	if v.Status != "" {
		if !fsm.Status(v.Status).Valid() {
			v.FilterErrors = append(v.FilterErrors, "Unknown status "+strconv.Quote(v.Status)+": choose one from the list.")
			v.Status = ""
		}
		f.Status = fsm.Status(v.Status)
	}
	if v.From != "" {
		t, ok := parseTime(v.From)
		if !ok {
			v.FilterErrors = append(v.FilterErrors, "“Created after” is not a time: write it as 2026-12-04T15:04 (UTC).")
		}
		f.CreatedAfter = t
	}
	if v.To != "" {
		t, ok := parseTime(v.To)
		if !ok {
			v.FilterErrors = append(v.FilterErrors, "“Created before” is not a time: write it as 2026-12-04T15:04 (UTC).")
		}
		f.CreatedBefore = t
	}
	v.Filtered = v.Status != "" || v.Name != "" || !f.CreatedAfter.IsZero() || !f.CreatedBefore.IsZero()
	older, _ := strconv.ParseInt(q.Get("older"), 10, 64)
	newer, _ := strconv.ParseInt(q.Get("newer"), 10, 64)
	var recs []fsm.JobRecord
	var err error
	switch {
	case newer > 0:
		// The page just after newer, fetched oldest first and turned round.
		f.AfterNum, f.Newest = newer, false
		recs, err = s.store.Jobs(ctx, f)
		slices.Reverse(recs)
		if len(recs) > s.opts.PageSize {
			recs = recs[1:]
			v.NewerURL = v.url(map[string]string{"newer": strconv.FormatInt(recs[0].Num, 10)})
		}
		if len(recs) > 0 {
			v.OlderURL = v.url(map[string]string{"older": strconv.FormatInt(recs[len(recs)-1].Num, 10)})
		}
	default:
		f.BeforeNum = older
		recs, err = s.store.Jobs(ctx, f)
		if len(recs) > s.opts.PageSize {
			recs = recs[:s.opts.PageSize]
			v.OlderURL = v.url(map[string]string{"older": strconv.FormatInt(recs[len(recs)-1].Num, 10)})
		}
		if older > 0 && len(recs) > 0 {
			v.NewerURL = v.url(map[string]string{"newer": strconv.FormatInt(recs[0].Num, 10)})
		}
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "Cannot list the jobs: "+err.Error())
		return
	}
	if older > 0 || newer > 0 {
		v.NewestURL = v.url(nil)
	}
	now := s.opts.Now()
	for _, rec := range recs {
		v.Jobs = append(v.Jobs, listRow{JobRecord: rec, Short: shortName(rec.Name), Note: note(now, rec)})
	}
	counts, err := s.store.Counts(ctx, v.Name)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "Cannot count the jobs: "+err.Error())
		return
	}
	v.CountsOf = v.Name
	for _, st := range fsm.Statuses {
		c := statusCount{Status: st, Count: counts[st], Current: string(st) == v.Status}
		target := string(st)
		if c.Current {
			target = ""
		}
		c.URL = v.urlWith("status", target)
		v.Statuses = append(v.Statuses, c)
		v.Total += c.Count
	}
	title := "Jobs"
	if v.Status != "" {
		title = v.Status + " jobs"
	}
	p := &page{Title: title, List: v}
	if q.Get("part") != "" {
		s.render(w, r, http.StatusOK, "list-live", p)
		return
	}
	s.render(w, r, http.StatusOK, "list.html", p)
}

// url is the list's URL with its filter and the given paging parameters.
func (v *listView) url(paging map[string]string) string {
	q := url.Values{}
	for k, val := range map[string]string{"status": v.Status, "name": v.Name, "from": v.From, "to": v.To} {
		if val != "" {
			q.Set(k, val)
		}
	}
	for k, val := range paging {
		q.Set(k, val)
	}
	if len(q) == 0 {
		return "/"
	}
	return "/?" + q.Encode()
}

// urlWith is the first page of the list with one filter field changed.
func (v *listView) urlWith(key, val string) string {
	c := *v
	switch key {
	case "status":
		c.Status = val
	case "name":
		c.Name = val
	}
	return c.url(nil)
}

// shortName drops the package path of a job's name: shop.Checkout for
// example.com/shop.Checkout.
func shortName(name string) string {
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// note is the short reason beside a job in the list.
func note(now time.Time, r fsm.JobRecord) string {
	switch {
	case r.Status == fsm.StatusFailed || r.Status == fsm.StatusAttention:
		return truncate(oneLine(r.Error), 90)
	case r.Status.Finished():
		return ""
	case r.CancelRequested:
		return "cancelling"
	case r.Status == fsm.StatusRunning:
		return "on " + r.LeaseOwner
	case !r.RunAt.Before(fsm.Never):
		return "until woken"
	case r.RunAt.After(now):
		return "runs " + when(now, r.RunAt)
	}
	return ""
}

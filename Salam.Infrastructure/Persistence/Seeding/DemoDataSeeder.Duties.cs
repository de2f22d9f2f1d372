using Salam.Domain.Common;
using Salam.Domain.Duties;

namespace Salam.Infrastructure.Persistence.Seeding;

public sealed partial class DemoDataSeeder
{
    private static readonly DutyStatus[] StatusCycle =
        [DutyStatus.Assigned, DutyStatus.Accepted, DutyStatus.InProgress, DutyStatus.Done, DutyStatus.Declined, DutyStatus.Blocked, DutyStatus.InProgress, DutyStatus.Accepted];

    /// <summary>Duties for the top priorities of each closed round, in every status, some overdue.</summary>
    private async Task SeedDutiesAsync(Country country, CancellationToken cancellationToken)
    {
        var provinceOfCounty = db.Counties.Local.ToDictionary(c => c.Id, c => c.ProvinceId);
        var provinceOf = country.Neighbourhoods.ToDictionary(n => n.Id, n => provinceOfCounty[n.CountyId]);
        var managedAgencies = _staff.Values.Where(u => u.AgencyId is not null).Select(u => country.Agencies.Single(a => a.Id == u.AgencyId)).ToList();
        var assignerId = _staff["facilitator.pardisan"].Id;
        var cycle = 0;
        foreach (var (neighbourhoodId, topNeedIds) in _closedRoundTops)
        {
            var agencies = country.Agencies.Where(a => a.ProvinceId == provinceOf[neighbourhoodId]).ToList();
            // Two thirds of the duties in the demo managers' province go to their agencies, so their desks are full.
            var demoAgencies = managedAgencies.Where(a => a.ProvinceId == provinceOf[neighbourhoodId]).ToList();
            foreach (var needId in topNeedIds)
            {
                var need = db.Needs.Local.Single(n => n.Id == needId);
                var agency = demoAgencies.Count > 0 && cycle % 3 != 0 ? Pick(demoAgencies) : Pick(agencies);
                var status = StatusCycle[cycle % StatusCycle.Length];
                // Every fourth open duty is overdue: due before today and not finished.
                var overdue = cycle % 4 == 2 && !Duty.IsFinished(status);
                var assignedAt = _now.AddDays(-29);
                var due = ProgrammeCalendar.DayOf(overdue ? _now.AddDays(-5) : _now.AddDays(20 + cycle % 30));
                var duty = new Duty(agency.Id, neighbourhoodId, needId, need.Title, need.Description, due, assignerId, assignedAt);
                AdvanceTo(duty, status, ManagerOf(agency.Id) ?? assignerId, assignedAt);
                db.Duties.Add(duty);
                cycle++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await SeedDisputedDutyAsync(country, provinceOf, managedAgencies, cancellationToken);
    }

    /// <summary>
    /// One more duty, marked Done and then disputed by five of its neighbourhood's residents with their notes, so the officer's
    /// escalation list and the agency's desk show the case. Outside Pardisan, whose figures other demos count on.
    /// </summary>
    private async Task SeedDisputedDutyAsync(Country country, Dictionary<int, int> provinceOf, List<Agency> managedAgencies, CancellationToken cancellationToken)
    {
        var pardisan = country.Neighbourhoods.FirstOrDefault(n => n.NameFa == "پردیسان")?.Id;
        var candidates = _closedRoundTops.Where(t => t.NeighbourhoodId != pardisan && t.TopNeedIds.Count > 0
            && db.Residents.Local.Count(r => r.NeighbourhoodId == t.NeighbourhoodId && r.IsConfirmed) >= CompletionCheck.DisputeThreshold).ToList();
        if (candidates.Count == 0) return;
        var (neighbourhoodId, topNeedIds) = candidates.FirstOrDefault(t => managedAgencies.Any(a => a.ProvinceId == provinceOf[t.NeighbourhoodId]), candidates[0]);
        var agency = managedAgencies.FirstOrDefault(a => a.ProvinceId == provinceOf[neighbourhoodId]) ?? country.Agencies.First(a => a.ProvinceId == provinceOf[neighbourhoodId]);
        var need = db.Needs.Local.Single(n => n.Id == topNeedIds[^1]);
        var by = ManagerOf(agency.Id) ?? _staff["facilitator.pardisan"].Id;
        var assignedAt = _now.AddDays(-20);
        var duty = new Duty(agency.Id, neighbourhoodId, need.Id, need.Title, need.Description, ProgrammeCalendar.DayOf(_now.AddDays(15)), by, assignedAt);
        AdvanceTo(duty, DutyStatus.Done, by, assignedAt);
        db.Duties.Add(duty);
        await db.SaveChangesAsync(cancellationToken);

        string[] notes = ["هنوز کاری انجام نشده است.", "فقط بازدید کردند و رفتند.", "", "در محلهٔ ما چیزی تغییر نکرده.", "گزارش «انجام شد» درست نیست."];
        var residents = db.Residents.Local.Where(r => r.NeighbourhoodId == neighbourhoodId && r.IsConfirmed).Take(CompletionCheck.DisputeThreshold).ToList();
        var answeredAt = _now.AddDays(-2);
        db.CompletionChecks.AddRange(residents.Select((r, i) => new CompletionCheck(duty.Id, duty.CompletionRound, r.Id, CompletionAnswer.No, notes[i], answeredAt)));
        duty.Dispute(0, "پنج نفر از ساکنان محله گفتند این کار انجام نشده است.", answeredAt);
        db.AgencyNotifications.Add(new AgencyNotification(agency.Id, duty.Id, NotificationKind.DutyDisputed, answeredAt));
        await db.SaveChangesAsync(cancellationToken);
    }

    private int? ManagerOf(int agencyId) => _staff.Values.FirstOrDefault(u => u.AgencyId == agencyId)?.Id;

    private void AdvanceTo(Duty duty, DutyStatus status, int by, DateTimeOffset from)
    {
        if (status == DutyStatus.Assigned) return;
        if (status == DutyStatus.Declined)
        {
            duty.Advance(DutyStatus.Declined, 0, "این کار در حوزهٔ وظایف این دستگاه نیست؛ به شهرداری ارجاع شود.", by, from.AddDays(2));
            return;
        }
        duty.Advance(DutyStatus.Accepted, 0, "پذیرفته شد؛ کارشناس مسئول تعیین شد.", by, from.AddDays(1));
        if (status == DutyStatus.Accepted) return;
        duty.Advance(DutyStatus.InProgress, 40, "کار میدانی آغاز شد.", by, from.AddDays(6));
        if (status == DutyStatus.Blocked) duty.Advance(DutyStatus.Blocked, 40, "اعتبار این فصل هنوز ابلاغ نشده است.", by, from.AddDays(12));
        if (status == DutyStatus.Done) duty.Advance(DutyStatus.Done, 100, "انجام شد و به تأیید شورای محله رسید.", by, from.AddDays(18));
    }
}

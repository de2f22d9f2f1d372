using Salam.Domain.Duties;
using Salam.Domain.Geography;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;

namespace Salam.Application.Tests;

/// <summary>
/// A country small enough to count by hand. Province 1 has county 1 (neighbourhoods 1, 2) and county 2 (neighbourhood 3);
/// province 2 has county 3 with neighbourhood 4, where nothing happens.
/// </summary>
public sealed class RollupCountry
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public Province P1 = default!, P2 = default!;
    public County C1 = default!, C2 = default!, C3 = default!;
    public Neighbourhood N1 = default!, N2 = default!, N3 = default!, N4 = default!;
    public PriorityRound R2 = default!;
    public Need D = default!;
    public Resident N2Second = default!;

    private int _mobile;

    public async Task BuildAsync(SalamDbContext db)
    {
        P1 = new Province("T1", "استان یک", "Province One");
        P2 = new Province("T2", "استان دو", "Province Two");
        db.Provinces.AddRange(P1, P2);
        await db.SaveChangesAsync();
        C1 = new County(P1.Id, "C-" + Guid.NewGuid().ToString("N")[..12], "شهرستان یک", "County One");
        C2 = new County(P1.Id, "C-" + Guid.NewGuid().ToString("N")[..12], "شهرستان دو", "County Two");
        C3 = new County(P2.Id, "C-" + Guid.NewGuid().ToString("N")[..12], "شهرستان سه", "County Three");
        db.Counties.AddRange(C1, C2, C3);
        await db.SaveChangesAsync();
        N1 = new Neighbourhood(C1.Id, "N-" + Guid.NewGuid().ToString("N")[..12], "محله یک", "One");
        N2 = new Neighbourhood(C1.Id, "N-" + Guid.NewGuid().ToString("N")[..12], "محله دو", "Two");
        N3 = new Neighbourhood(C2.Id, "N-" + Guid.NewGuid().ToString("N")[..12], "محله سه", "Three");
        N4 = new Neighbourhood(C3.Id, "N-" + Guid.NewGuid().ToString("N")[..12], "محله چهار", "Four");
        db.Neighbourhoods.AddRange(N1, N2, N3, N4);
        var welfare = new Agency("بهزیستی", "Welfare", AgencyKind.Welfare, null);
        var municipality = new Agency("شهرداری", "Municipality", AgencyKind.Municipality, null);
        var health = new Agency("بهداشت", "Health", AgencyKind.Health, null);
        db.Agencies.AddRange(welfare, municipality, health);
        await db.SaveChangesAsync();

        var n1 = Enumerable.Range(0, 4).Select(_ => Resident(N1)).ToList();
        var n2 = Enumerable.Range(0, 2).Select(_ => Resident(N2)).ToList();
        N2Second = n2[1];
        var n3 = Enumerable.Range(0, 2).Select(_ => Resident(N3)).ToList();
        db.Residents.AddRange([.. n1, .. n2, n3[0]]);
        await db.SaveChangesAsync();

        // Neighbourhood 1: three needs, two approved; a round of K = 3 with two online ballots and one on paper.
        var a = Approved(new Need(N1.Id, "درمانگاه", "", NeedCategory.Health, null, null, T0));
        var b = Approved(new Need(N1.Id, "کلاس", "", NeedCategory.Education, null, null, T0));
        var c = new Need(N1.Id, "روشنایی", "", NeedCategory.Safety, null, null, T0);
        D = Approved(new Need(N2.Id, "پزشک", "", NeedCategory.Health, null, null, T0));
        db.Needs.AddRange(a, b, c, D);
        await db.SaveChangesAsync();
        var r1 = new PriorityRound(N1.Id, "دور یک", T0, T0.AddDays(7), maxRanks: 3);
        r1.AddNeed(a);
        r1.AddNeed(b);
        r1.Open(T0);
        R2 = new PriorityRound(N2.Id, "دور دو", T0, T0.AddDays(7));
        R2.AddNeed(D);
        R2.Open(T0);
        db.PriorityRounds.AddRange(r1, R2);
        await db.SaveChangesAsync();
        db.Ballots.AddRange(
            new Ballot(r1, n1[0].Id, [a.Id, b.Id], BallotChannel.Online, null, T0),  // A 3, B 2
            new Ballot(r1, n1[1].Id, [b.Id, a.Id], BallotChannel.Online, null, T0),  // B 3, A 2
            new Ballot(r1, n1[2].Id, [a.Id], BallotChannel.Paper, 1, T0),            // A 3
            new Ballot(R2, n2[0].Id, [D.Id], BallotChannel.Online, null, T0));       // D 5 (K = 5)

        // Duties: in neighbourhood 1 one done on time, one done late, one overdue; in neighbourhood 3 one just assigned.
        var onTime = new Duty(welfare.Id, N1.Id, a.Id, "ساخت", "", DateOnly.FromDateTime(T0.AddDays(5).UtcDateTime), 1, T0);
        onTime.Advance(DutyStatus.Accepted, 0, null, 1, T0);
        onTime.Advance(DutyStatus.Done, 100, null, 1, T0.AddDays(2));
        var late = new Duty(municipality.Id, N1.Id, b.Id, "کلاس", "", DateOnly.FromDateTime(T0.AddDays(1).UtcDateTime), 1, T0);
        late.Advance(DutyStatus.Accepted, 0, null, 1, T0);
        late.Advance(DutyStatus.Done, 100, null, 1, T0.AddDays(3));
        var overdue = new Duty(welfare.Id, N1.Id, null, "پیگیری", "", DateOnly.FromDateTime(T0.AddDays(1).UtcDateTime), 1, T0);
        overdue.MarkOverdue(DateOnly.FromDateTime(T0.AddDays(3).UtcDateTime));
        var assigned = new Duty(health.Id, N3.Id, null, "واکسن", "", DateOnly.FromDateTime(T0.AddDays(30).UtcDateTime), 1, T0);
        db.Duties.AddRange(onTime, late, overdue, assigned);

        // Volunteers: one in neighbourhood 1 (medicine and teaching), one in 3 (teaching), one in 3 who withdrew.
        var withdrawn = new Volunteer(n3[0].Id, N3.Id, VolunteerSkill.Law, 4, Weekdays.Monday, null, 1, T0);
        withdrawn.Withdraw(1, T0);
        db.Residents.Add(n3[1]);
        await db.SaveChangesAsync();
        db.Volunteers.AddRange(
            new Volunteer(n1[0].Id, N1.Id, VolunteerSkill.Medicine | VolunteerSkill.Teaching, 4, Weekdays.Saturday, null, 1, T0),
            new Volunteer(n3[1].Id, N3.Id, VolunteerSkill.Teaching, 4, Weekdays.Sunday, null, 1, T0),
            withdrawn);
        await db.SaveChangesAsync();
    }

    private Resident Resident(Neighbourhood place) =>
        new(place.Id, $"ساکن {++_mobile}", MobileNumber.Parse($"0912{_mobile:0000000}"), null, T0);

    private static Need Approved(Need need)
    {
        need.Approve(T0);
        return need;
    }
}

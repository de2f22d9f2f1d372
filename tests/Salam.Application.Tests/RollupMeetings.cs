using Salam.Domain.Duties;
using Salam.Domain.Meetings;

namespace Salam.Application.Tests;

/// <summary>
/// Meetings for the roll-up tests, built through the domain as the meeting commands build them: planned, held (attendance
/// recorded), published with agency decisions that become duties in the same save.
/// </summary>
internal static class RollupMeetings
{
    private static MeetingOrganisation Council() => new(OrganisationKind.ResidentsRepresentatives, null, "نمایندگان ساکنان");

    /// <summary>A meeting planned at <paramref name="now"/> to start an hour later, at the level its place ids say.</summary>
    public static Meeting Plan(int provinceId, int? countyId, int? neighbourhoodId, DateTimeOffset now) =>
        new(neighbourhoodId is not null ? MeetingKind.NeighbourhoodCoordination : countyId is not null ? MeetingKind.CountyCoordination : MeetingKind.ProvincialCoordination,
            "جلسه هماهنگی", "فرمانداری", now.AddHours(1), provinceId, countyId, neighbourhoodId, [Council()], [], organisedByUserId: 1, now);

    /// <summary>Records the attendance: from now on the meeting counts as held.</summary>
    public static Meeting Hold(this Meeting meeting, DateTimeOffset now)
    {
        meeting.RecordAttendance([Council()], 12, now);
        return meeting;
    }

    /// <summary>Decides one agency duty per (agency, neighbourhood, due date), publishes the minutes, and returns the duties made.</summary>
    public static List<Duty> Publish(this Meeting meeting, DateTimeOffset now, params (int Agency, int Neighbourhood, DateOnly Due)[] duties)
    {
        meeting.WriteMinutes("## مصوبات", isPublic: true);
        foreach (var (agency, neighbourhood, due) in duties)
            meeting.Decide(new DecisionDraft(DecisionKind.AgencyDuty, "مصوبه", "", agency, neighbourhood, due, null), 1, now);
        meeting.Decide(new DecisionDraft(DecisionKind.Resolution, "قدردانی از داوطلبان", "", null, null, null, null), 1, now);
        return [.. meeting.PublishMinutes(now).Select(decision => decision.BecameDuty(1, now))];
    }

    /// <summary>Takes a duty to done at <paramref name="at"/>: on time if that day is not after its due date.</summary>
    public static void Finish(this Duty duty, DateTimeOffset at)
    {
        duty.Advance(DutyStatus.Accepted, 0, null, 1, at);
        duty.Advance(DutyStatus.Done, 100, null, 1, at);
    }
}

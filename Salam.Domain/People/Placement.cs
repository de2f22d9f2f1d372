using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.Needs;

namespace Salam.Domain.People;

/// <summary>A facilitator puts a volunteer on a duty or a need of the volunteer's own neighbourhood.</summary>
public sealed class Placement : Entity
{
    private Placement() { }

    private Placement(Volunteer volunteer, int neighbourhoodId, int? dutyId, int? needId, int byUserId, DateTimeOffset at)
    {
        // A volunteer works where they live: a placement never crosses neighbourhoods, whatever the form said.
        if (neighbourhoodId != volunteer.NeighbourhoodId) throw new DomainException("Placement.OtherNeighbourhood");
        volunteer.ReadyForPlacement(byUserId, at);
        VolunteerId = volunteer.Id;
        NeighbourhoodId = neighbourhoodId;
        DutyId = dutyId;
        NeedId = needId;
        PlacedByUserId = byUserId;
        PlacedAt = at;
    }

    public int VolunteerId { get; private set; }
    public int NeighbourhoodId { get; private set; }
    public int? DutyId { get; private set; }
    public int? NeedId { get; private set; }
    public int PlacedByUserId { get; private set; }
    public DateTimeOffset PlacedAt { get; private set; }

    /// <summary>Only a duty still being worked on takes volunteers: not one done or declined.</summary>
    public static Placement OnDuty(Volunteer volunteer, Duty duty, int byUserId, DateTimeOffset at)
    {
        if (!duty.IsOpen) throw new DomainException("Placement.DutyClosed");
        return new Placement(volunteer, duty.NeighbourhoodId, duty.Id, null, byUserId, at);
    }

    /// <summary>Only an approved need takes volunteers: proposed ones are not yet agreed, rejected and merged ones are gone.</summary>
    public static Placement OnNeed(Volunteer volunteer, Need need, int byUserId, DateTimeOffset at)
    {
        if (need.Status != NeedStatus.Approved) throw new DomainException("Placement.NeedNotApproved");
        return new Placement(volunteer, need.NeighbourhoodId, null, need.Id, byUserId, at);
    }
}

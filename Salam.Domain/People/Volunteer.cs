using Salam.Domain.Common;

namespace Salam.Domain.People;

public enum VolunteerStatus { Registered = 0, Contacted = 1, Active = 2, Inactive = 3 }

/// <summary>A resident's offer to volunteer: skills, hours and days, moved along by the facilitator; every status change is kept.</summary>
public sealed class Volunteer : Entity
{
    public const int MinHours = 1;
    public const int MaxHours = 80;
    public const int NoteMaxLength = 1000;

    private Volunteer() { }

    public Volunteer(int residentId, int neighbourhoodId, VolunteerSkill skills, int hoursPerWeek, Weekdays days, string? note, int byUserId, DateTimeOffset at)
    {
        ResidentId = residentId;
        NeighbourhoodId = neighbourhoodId;
        RegisteredAt = at;
        Offer(skills, hoursPerWeek, days, note);
        StatusChanges.Add(new VolunteerStatusChange(null, VolunteerStatus.Registered, byUserId, at));
    }

    public int ResidentId { get; private set; }
    public Resident? Resident { get; private set; }
    public int NeighbourhoodId { get; private set; }
    public VolunteerSkill Skills { get; private set; }
    public int HoursPerWeek { get; private set; }
    public Weekdays Days { get; private set; }
    public string? Note { get; private set; }
    public VolunteerStatus Status { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    /// <summary>Set when the volunteer withdrew their own offer, as against a facilitator marking them inactive.</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public List<VolunteerStatusChange> StatusChanges { get; private set; } = [];

    /// <summary>
    /// Moves with each shift booked (a concurrency token): "no two overlapping shifts" is a read that no index can hold, so two
    /// bookings of one volunteer saved at once conflict here, and the loser reads again and hears of the overlap.
    /// </summary>
    public Guid ShiftsVersion { get; private set; }

    public bool IsWithdrawn => WithdrawnAt is not null;

    internal void TookShift() => ShiftsVersion = Guid.NewGuid();

    /// <summary>The volunteer edits their offer; a withdrawn offer is not edited, it is renewed with <see cref="Rejoin"/>.</summary>
    public void Revise(VolunteerSkill skills, int hoursPerWeek, Weekdays days, string? note)
    {
        if (IsWithdrawn) throw new DomainException("Volunteer.Withdrawn");
        Offer(skills, hoursPerWeek, days, note);
    }

    /// <summary>The volunteer steps back: inactive, and marked as their own choice.</summary>
    public void Withdraw(int byUserId, DateTimeOffset at)
    {
        if (IsWithdrawn) throw new DomainException("Volunteer.Withdrawn");
        if (Status != VolunteerStatus.Inactive) Record(VolunteerStatus.Inactive, byUserId, at);
        WithdrawnAt = at;
    }

    /// <summary>A volunteer who withdrew signs up again: a fresh offer, back at Registered.</summary>
    public void Rejoin(VolunteerSkill skills, int hoursPerWeek, Weekdays days, string? note, int byUserId, DateTimeOffset at)
    {
        if (!IsWithdrawn) throw new DomainException("Volunteer.AlreadySignedUp");
        Offer(skills, hoursPerWeek, days, note);
        WithdrawnAt = null;
        Record(VolunteerStatus.Registered, byUserId, at);
    }

    /// <summary>Registered → Contacted → Active; any of them → Inactive; Inactive → Contacted to bring someone back.</summary>
    public void MoveTo(VolunteerStatus next, int byUserId, DateTimeOffset at)
    {
        var allowed = (Status, next) switch
        {
            (VolunteerStatus.Registered, VolunteerStatus.Contacted) => true,
            (VolunteerStatus.Contacted, VolunteerStatus.Active) => true,
            (VolunteerStatus.Inactive, VolunteerStatus.Contacted) => !IsWithdrawn,
            (not VolunteerStatus.Inactive, VolunteerStatus.Inactive) => true,
            _ => false,
        };
        if (!allowed) throw new DomainException(IsWithdrawn ? "Volunteer.Withdrawn" : "Volunteer.IllegalTransition", Status, next);
        Record(next, byUserId, at);
    }

    /// <summary>Only someone the facilitator has reached can be placed; a contacted volunteer becomes active by being placed.</summary>
    internal void ReadyForPlacement(int byUserId, DateTimeOffset at)
    {
        if (Status == VolunteerStatus.Inactive) throw new DomainException("Placement.VolunteerInactive");
        if (Status == VolunteerStatus.Registered) throw new DomainException("Placement.VolunteerNotContacted");
        if (Status == VolunteerStatus.Contacted) Record(VolunteerStatus.Active, byUserId, at);
    }

    private void Offer(VolunteerSkill skills, int hoursPerWeek, Weekdays days, string? note)
    {
        if (skills == VolunteerSkill.None) throw new DomainException("Volunteer.SkillRequired");
        if (!VolunteerFlags.IsKnown(skills)) throw new DomainException("Volunteer.SkillUnknown");
        if (hoursPerWeek is < MinHours or > MaxHours) throw new DomainException("Volunteer.HoursOutOfRange", MinHours, MaxHours);
        if (days == Weekdays.None || !VolunteerFlags.IsKnown(days)) throw new DomainException("Volunteer.DaysRequired");
        if (note?.Trim().Length > NoteMaxLength) throw new DomainException("Volunteer.NoteTooLong", NoteMaxLength);
        Skills = skills;
        HoursPerWeek = hoursPerWeek;
        Days = days;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    private void Record(VolunteerStatus next, int byUserId, DateTimeOffset at)
    {
        StatusChanges.Add(new VolunteerStatusChange(Status, next, byUserId, at));
        Status = next;
    }
}

/// <summary>One step of a volunteer's status history: from, to, who and when. Never edited or deleted.</summary>
public sealed class VolunteerStatusChange : Entity
{
    private VolunteerStatusChange() { }

    public VolunteerStatusChange(VolunteerStatus? from, VolunteerStatus to, int byUserId, DateTimeOffset at)
    {
        From = from;
        To = to;
        ByUserId = byUserId;
        At = at;
    }

    public int VolunteerId { get; private set; }
    public VolunteerStatus? From { get; private set; }
    public VolunteerStatus To { get; private set; }
    public int ByUserId { get; private set; }
    public DateTimeOffset At { get; private set; }
}

using Salam.Domain.Common;

namespace Salam.Domain.Duties;

/// <summary>Disputed: marked Done, but enough of the neighbourhood's residents said it was not (see <see cref="CompletionCheck"/>); back on the agency's desk.</summary>
public enum DutyStatus { Assigned = 0, Accepted = 1, InProgress = 2, Done = 3, Declined = 4, Blocked = 5, Disputed = 6 }

/// <summary>A duty (وظیفه) assigned to one agency for one neighbourhood, usually for one need; its timeline is append-only.</summary>
public sealed class Duty : Entity
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 2000;

    /// <summary>The longest progress note (and so the longest decline or block reason): a timeline entry, not a document.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>The statuses a duty ends in. Every other status is open: it is still owed, and can fall overdue.</summary>
    public static readonly IReadOnlyList<DutyStatus> FinishedStatuses = [DutyStatus.Done, DutyStatus.Declined];

    private Duty() { }

    public Duty(int agencyId, int neighbourhoodId, int? needId, string title, string description, DateOnly dueDate, int assignedByUserId, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new DomainException("Duty.TitleRequired");
        if (title.Trim().Length > MaxTitleLength) throw new DomainException("Duty.TitleTooLong", MaxTitleLength);
        if (description.Trim().Length > MaxDescriptionLength) throw new DomainException("Duty.DescriptionTooLong", MaxDescriptionLength);
        if (dueDate < ProgrammeCalendar.DayOf(at)) throw new DomainException("Duty.DueDateInPast");
        AgencyId = agencyId;
        NeighbourhoodId = neighbourhoodId;
        NeedId = needId;
        Title = title.Trim();
        Description = description.Trim();
        DueDate = dueDate;
        AssignedAt = at;
        Version = Guid.NewGuid();
        Updates.Add(new DutyUpdate(assignedByUserId, at, null, DutyStatus.Assigned, 0, null));
    }

    public int AgencyId { get; private set; }
    public Agency? Agency { get; private set; }
    public int NeighbourhoodId { get; private set; }
    public int? NeedId { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateOnly DueDate { get; private set; }
    public DateTimeOffset AssignedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Done by the due date (the programme's day in Tehran, as overdue is judged); kept with the duty so roll-ups count it with plain SQL.</summary>
    public bool CompletedOnTime { get; private set; }
    public DutyStatus Status { get; private set; }
    public int PercentComplete { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>Optimistic concurrency token, renewed on every change (works the same on SQLite and SQL Server).</summary>
    public Guid Version { get; private set; }

    public List<DutyUpdate> Updates { get; private set; } = [];

    /// <summary>How many times the duty has been marked Done: residents answer the completion question of the latest one.</summary>
    public int CompletionRound { get; private set; }

    /// <summary>The day the overdue job first found this duty past its due date; kept after it is finished, as history.</summary>
    public DateOnly? OverdueSince { get; private set; }

    public static bool IsFinished(DutyStatus status) => FinishedStatuses.Contains(status);

    /// <summary>Still owed by its agency: neither done nor declined.</summary>
    public bool IsOpen => !IsFinished(Status);

    /// <summary>Open and past its due date on the given programme day (see <see cref="ProgrammeCalendar"/>).</summary>
    public bool IsOverdueOn(DateOnly today) => IsOverdue(Status, DueDate, today);

    /// <summary>The overdue rule on a duty's fields, for read models that hold the fields rather than the duty.</summary>
    public static bool IsOverdue(DutyStatus status, DateOnly dueDate, DateOnly today) => !IsFinished(status) && dueDate < today;

    /// <summary>Marks the duty overdue once; true only the first time, so a job run twice notifies once.</summary>
    public bool MarkOverdue(DateOnly today)
    {
        if (!IsOverdueOn(today) || OverdueSince is not null) return false;
        OverdueSince = today;
        return true;
    }

    /// <summary>Moves the duty along its lifecycle and appends the change to its timeline.</summary>
    public void Advance(DutyStatus to, int percent, string? note, int byUserId, DateTimeOffset at)
    {
        if (percent is < 0 or > 100) throw new DomainException("Duty.PercentOutOfRange");
        if (note is not null && note.Trim().Length > MaxNoteLength) throw new DomainException("Duty.NoteTooLong", MaxNoteLength);
        if (!IsLegal(Status, to)) throw new DomainException("Duty.IllegalTransition", Status, to);
        if (to is DutyStatus.Declined or DutyStatus.Blocked && string.IsNullOrWhiteSpace(note)) throw new DomainException("Duty.ReasonRequired");
        // The agency answers a dispute on the timeline: the residents are owed a word, whichever way it goes.
        if (Status == DutyStatus.Disputed && string.IsNullOrWhiteSpace(note)) throw new DomainException("Duty.DisputeAnswerRequired");
        if (to == DutyStatus.Done) percent = 100;
        // Leaving a dispute the agency may admit the work is less done than it claimed.
        if (percent < PercentComplete && to != DutyStatus.Declined && Status != DutyStatus.Disputed) throw new DomainException("Duty.PercentDecreased");

        Updates.Add(new DutyUpdate(byUserId, at, Status, to, percent, note?.Trim()));
        Reason = to is DutyStatus.Declined or DutyStatus.Blocked ? note!.Trim() : null;
        Status = to;
        PercentComplete = percent;
        if (to == DutyStatus.Done)
        {
            CompletedAt = at;
            CompletedOnTime = ProgrammeCalendar.DayOf(at) <= DueDate;
            CompletionRound++; // a new completion: residents are asked afresh
        }
        Version = Guid.NewGuid();
    }

    /// <summary>
    /// Residents said the latest completion was not done (<see cref="CompletionCheck.DisputeThreshold"/> "no" answers): the duty
    /// is Disputed, open again on its agency's desk, and its timeline says why. Only a Done duty can be disputed.
    /// </summary>
    public void Dispute(int byUserId, string note, DateTimeOffset at)
    {
        if (Status != DutyStatus.Done) throw new DomainException("Duty.IllegalTransition", Status, DutyStatus.Disputed);
        if (string.IsNullOrWhiteSpace(note)) throw new DomainException("Duty.ReasonRequired");
        var reason = note.Trim();
        if (reason.Length > MaxNoteLength) reason = reason[..MaxNoteLength];
        Updates.Add(new DutyUpdate(byUserId, at, Status, DutyStatus.Disputed, PercentComplete, reason));
        Status = DutyStatus.Disputed;
        Reason = reason;
        CompletedOnTime = false; // not delivered after all; CompletedAt stays as the claim the residents disputed
        Version = Guid.NewGuid();
    }

    /// <summary>Residents are asked "was it done?" about the latest completion until <see cref="CompletionCheck.QuestionDays"/> days after it.</summary>
    public bool AsksResidents(DateTimeOffset now) => Status == DutyStatus.Done && CompletedAt is { } done && now <= done.AddDays(CompletionCheck.QuestionDays);

    /// <summary>
    /// A resident answered about the latest completion: the version is renewed so two answers saved at once conflict, one is
    /// retried, and the answer that reaches <see cref="CompletionCheck.DisputeThreshold"/> "no" answers is never lost between them.
    /// </summary>
    public void CountAnswer() => Version = Guid.NewGuid();

    /// <summary>Progress within one status (InProgress → InProgress with a higher percent) is a legal step.</summary>
    public static bool IsLegal(DutyStatus from, DutyStatus to) => (from, to) switch
    {
        (DutyStatus.Assigned, DutyStatus.Accepted or DutyStatus.Declined) => true,
        (DutyStatus.Accepted, DutyStatus.InProgress or DutyStatus.Blocked or DutyStatus.Done) => true,
        (DutyStatus.InProgress, DutyStatus.InProgress or DutyStatus.Blocked or DutyStatus.Done) => true,
        (DutyStatus.Blocked, DutyStatus.InProgress) => true,
        // Disputed only by residents (see Dispute); the agency answers by taking it up again or standing by its Done.
        (DutyStatus.Disputed, DutyStatus.InProgress or DutyStatus.Done) => true,
        _ => false,
    };
}

/// <summary>One entry of a duty's timeline: who changed what, when. Never edited or deleted.</summary>
public sealed class DutyUpdate : Entity
{
    private DutyUpdate() { }

    public DutyUpdate(int byUserId, DateTimeOffset at, DutyStatus? from, DutyStatus to, int percent, string? note)
    {
        ByUserId = byUserId;
        At = at;
        From = from;
        To = to;
        Percent = percent;
        Note = note;
    }

    public int DutyId { get; private set; }
    public int ByUserId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public DutyStatus? From { get; private set; }
    public DutyStatus To { get; private set; }
    public int Percent { get; private set; }
    public string? Note { get; private set; }
}

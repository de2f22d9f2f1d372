namespace Salam.Domain.Notifications;

/// <summary>
/// Why a message is sent. Residents may turn off each kind in <see cref="MessageKinds.ResidentChoosable"/>; sign-in codes
/// cannot be turned off and skip quiet hours and the daily cap. Values are stored: never renumber.
/// </summary>
public enum MessageKind
{
    SignInCode = 0,

    // Residents (SMS)
    RoundOpened = 1,
    RoundClosingSoon = 2,
    ResultsPublished = 3,
    FollowedDutyChanged = 4,
    CompletionQuestion = 5,

    // Agency managers (e-mail)
    DutyAssigned = 10,
    DutyDueSoon = 11,
    DutyOverdue = 12,
    DutyDisputed = 13,

    // Volunteers (SMS, residents too)
    VolunteerPlaced = 20,
    ShiftReminder = 21,

    // Facilitators (e-mail)
    PendingResidentsDigest = 30,
}

/// <summary>SMS to residents' mobiles; e-mail to staff.</summary>
public enum MessageChannel { Sms = 0, Email = 1 }

/// <summary>
/// Pending until the provider accepts it (Sent), or Dead after <see cref="OutboxMessage.MaxAttempts"/> failures or a permanent
/// refusal (an admin may retry it). Cancelled: the resident turned the kind off after it was queued, so it is never sent.
/// </summary>
public enum MessageStatus { Pending = 0, Sent = 1, Dead = 2, Cancelled = 3 }

public static class MessageKinds
{
    /// <summary>The kinds a resident can turn off on their page (everything a resident receives but sign-in codes).</summary>
    public static readonly IReadOnlyList<MessageKind> ResidentChoosable =
    [
        MessageKind.RoundOpened, MessageKind.RoundClosingSoon, MessageKind.ResultsPublished, MessageKind.FollowedDutyChanged,
        MessageKind.CompletionQuestion, MessageKind.VolunteerPlaced, MessageKind.ShiftReminder,
    ];

    /// <summary>Only sign-in codes go out at night and past the daily cap: someone is waiting for them.</summary>
    public static bool IsUrgent(MessageKind kind) => kind == MessageKind.SignInCode;
}

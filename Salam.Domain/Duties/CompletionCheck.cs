using Salam.Domain.Common;

namespace Salam.Domain.Duties;

/// <summary>A resident's answer to "was it done?" about a duty marked Done in their neighbourhood.</summary>
public enum CompletionAnswer { Yes = 0, Partly = 1, No = 2 }

/// <summary>
/// One resident's answer about one completion of a duty (<see cref="Duty.CompletionRound"/>): one per resident per completion,
/// asked of the neighbourhood's confirmed residents for <see cref="QuestionDays"/> days after the duty was marked Done.
/// </summary>
public sealed class CompletionCheck : Entity
{
    public const int QuestionDays = 14;

    /// <summary>This many "no" answers to one completion make the duty Disputed.</summary>
    public const int DisputeThreshold = 5;

    public const int MaxNoteLength = 500;

    private CompletionCheck() { }

    public CompletionCheck(int dutyId, int completionRound, int residentId, CompletionAnswer answer, string? note, DateTimeOffset at)
    {
        if (!Enum.IsDefined(answer)) throw new DomainException("Completion.AnswerInvalid");
        if (note is not null && note.Trim().Length > MaxNoteLength) throw new DomainException("Completion.NoteTooLong", MaxNoteLength);
        DutyId = dutyId;
        CompletionRound = completionRound;
        ResidentId = residentId;
        Answer = answer;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        At = at;
    }

    public int DutyId { get; private set; }
    public int CompletionRound { get; private set; }
    public int ResidentId { get; private set; }
    public CompletionAnswer Answer { get; private set; }
    public string? Note { get; private set; }
    public DateTimeOffset At { get; private set; }
}

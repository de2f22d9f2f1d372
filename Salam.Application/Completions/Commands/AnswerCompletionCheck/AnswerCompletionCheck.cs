using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.Duties;
using Salam.Domain.People;

namespace Salam.Application.Completions.Commands.AnswerCompletionCheck;

/// <summary>
/// A resident answers "was it done?" about a duty of their neighbourhood marked Done within the last
/// <see cref="CompletionCheck.QuestionDays"/> days: once per completion. The <see cref="CompletionCheck.DisputeThreshold"/>th
/// "no" makes the duty Disputed in the same save.
/// </summary>
[AllowedRoles(Role.Resident)]
public sealed record AnswerCompletionCheck(int DutyId, CompletionAnswer Answer, string? Note) : ICommand<CompletionAnswered>, IDutyScoped;

/// <summary>Disputed: this answer was the one that made the duty Disputed.</summary>
public sealed record CompletionAnswered(bool Disputed);

public sealed class AnswerCompletionCheckHandler : ICommandHandler<AnswerCompletionCheck, CompletionAnswered>
{
    public ValueTask<CompletionAnswered> Handle(AnswerCompletionCheck command, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: confirm helper");
}

using Mediator;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;

namespace Salam.Application.Completions.Queries.GetCompletionQuestions;

/// <summary>The completion questions waiting on the resident's home page: Done duties of their neighbourhood they have not answered, still within the question's days.</summary>
[AllowedRoles(Role.Resident)]
public sealed record GetCompletionQuestions : IQuery<IReadOnlyList<CompletionQuestion>>, ICallerScoped;

public sealed record CompletionQuestion(int DutyId, string Title, PlaceName Agency, string? NeedTitle, DateTimeOffset CompletedAt, DateOnly AnswerBy);

public sealed class GetCompletionQuestionsHandler : IQueryHandler<GetCompletionQuestions, IReadOnlyList<CompletionQuestion>>
{
    public ValueTask<IReadOnlyList<CompletionQuestion>> Handle(GetCompletionQuestions query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: confirm helper");
}

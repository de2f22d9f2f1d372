using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.People;

namespace Salam.Application.Completions.Queries.GetCompletionQuestions;

/// <summary>The completion questions waiting on the resident's home page: Done duties of their neighbourhood they have not answered, still within the question's days.</summary>
[AllowedRoles(Role.Resident)]
public sealed record GetCompletionQuestions : IQuery<IReadOnlyList<CompletionQuestion>>, ICallerScoped;

public sealed record CompletionQuestion(int DutyId, string Title, PlaceName Agency, string? NeedTitle, DateTimeOffset CompletedAt, DateOnly AnswerBy);

public sealed class GetCompletionQuestionsHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : IQueryHandler<GetCompletionQuestions, IReadOnlyList<CompletionQuestion>>
{
    public async ValueTask<IReadOnlyList<CompletionQuestion>> Handle(GetCompletionQuestions query, CancellationToken cancellationToken)
    {
        var residentId = user.ResidentId;
        // A pending or rejected resident is not asked (the command refuses them too).
        var neighbourhoodId = await db.Residents.AsNoTracking().Where(r => r.Id == residentId && r.Status == ResidentStatus.Confirmed)
            .Select(r => (int?)r.NeighbourhoodId).SingleOrDefaultAsync(cancellationToken);
        if (neighbourhoodId is null) return [];

        var since = clock.GetUtcNow().AddDays(-CompletionCheck.QuestionDays);
        var questions = await db.Duties.AsNoTracking()
            .Where(d => d.NeighbourhoodId == neighbourhoodId && d.Status == DutyStatus.Done && d.CompletedAt >= since
                && !db.CompletionChecks.Any(c => c.DutyId == d.Id && c.CompletionRound == d.CompletionRound && c.ResidentId == residentId))
            .Select(d => new
            {
                d.Id, d.Title, Agency = new PlaceName(d.Agency!.NameFa, d.Agency.NameEn),
                NeedTitle = db.Needs.Where(n => n.Id == d.NeedId).Select(n => n.Title).FirstOrDefault(),
                CompletedAt = d.CompletedAt!.Value,
            })
            .ToListAsync(cancellationToken);
        // Newest first, ordered here: SQLite cannot order DateTimeOffset, and a neighbourhood has a handful at most.
        return [.. questions.OrderByDescending(q => q.CompletedAt).ThenBy(q => q.Id)
            .Select(q => new CompletionQuestion(q.Id, q.Title, q.Agency, q.NeedTitle, q.CompletedAt,
                ProgrammeCalendar.DayOf(q.CompletedAt.AddDays(CompletionCheck.QuestionDays))))];
    }
}

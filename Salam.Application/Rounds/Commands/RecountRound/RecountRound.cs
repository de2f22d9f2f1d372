using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Rounds.Common;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;

namespace Salam.Application.Rounds.Commands.RecountRound;

/// <summary>
/// The officer recounts a closed round from its stored ballots (those the close counted) and compares the file's hash and
/// every need's position, score and funding with what the close froze. The recount is stored and audited; one that
/// disagrees blocks publishing until a later one agrees.
/// </summary>
[AllowedRoles(Role.ProvinceOfficer, Role.Admin)]
public sealed record RecountRound(int RoundId) : ICommand<RecountReport>, IRoundScoped;

public sealed record RecountReport(bool Agrees, string RecordedSha256, string RecountedSha256, IReadOnlyList<RecountDifference> Differences);

/// <summary>A need whose place differs between the record and the recount; null where the need is missing on that side or the figure does not apply.</summary>
public sealed record RecountDifference(int NeedId, string Title, int? RecordedPosition, int? RecountedPosition, int? RecordedScore, int? RecountedScore,
    bool? RecordedFunded, bool? RecountedFunded);

public sealed class RecountRoundHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock, IEnumerable<ICountingMethod> methods)
    : ICommandHandler<RecountRound, RecountReport>
{
    public ValueTask<RecountReport> Handle(RecountRound command, CancellationToken cancellationToken) =>
        new(db.InTransactionAsync(async () =>
        {
            await db.HoldRoundAsync(command.RoundId, RoundHold.Close, cancellationToken);
            var round = await db.PriorityRounds.AsNoTracking().Include(r => r.Needs).Include(r => r.Results)
                .SingleOrDefaultAsync(r => r.Id == command.RoundId, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Round"));
            if (round.Status is not (RoundStatus.Closed or RoundStatus.Published) || round.ClosedAt is not { } closedAt)
                throw new RequestRefusedException(Text.Get("Round.NotClosed"));
            var record = await db.RoundCounts.AsNoTracking().SingleOrDefaultAsync(c => c.RoundId == round.Id, cancellationToken)
                ?? throw new RequestRefusedException(Text.Get("Recount.NoRecord"));

            var ballots = await db.CountedBallotsAsync(round.Id, closedAt, cancellationToken);
            var outcome = methods.Single(m => m.Method == round.Method).Count(round.CountInputFor(ballots.Select(b => b.RankedNeedIds())));
            var file = await db.BallotFileAsync(round, ballots, cancellationToken);
            var differences = await DifferencesAsync(round.Results, outcome.Results, cancellationToken);
            var report = new RecountReport(file.Sha256 == record.Sha256 && differences.Count == 0, record.Sha256, file.Sha256, differences);

            db.RoundRecounts.Add(new RoundRecount(round.Id, clock.GetUtcNow(), user.UserId, user.DisplayName ?? "", report.Agrees, file.Sha256,
                JsonSerializer.Serialize(differences)));
            await db.SaveChangesAsync(cancellationToken);
            return report;
        }, cancellationToken));

    private async Task<List<RecountDifference>> DifferencesAsync(IReadOnlyList<RoundResult> recorded, IReadOnlyList<RoundResult> recounted,
        CancellationToken cancellationToken)
    {
        var before = recorded.ToDictionary(r => r.NeedId);
        var after = recounted.ToDictionary(r => r.NeedId);
        var changed = before.Keys.Union(after.Keys).Where(id => !before.TryGetValue(id, out var b) || !after.TryGetValue(id, out var a)
            || b.Position != a.Position || b.Score != a.Score || b.Funded != a.Funded).Order().ToList();
        if (changed.Count == 0) return [];
        var titles = await db.Needs.AsNoTracking().Where(n => changed.Contains(n.Id))
            .Select(n => new { n.Id, n.Title }).ToDictionaryAsync(n => n.Id, n => n.Title, cancellationToken);
        return changed.Select(id =>
        {
            var b = before.GetValueOrDefault(id);
            var a = after.GetValueOrDefault(id);
            return new RecountDifference(id, titles.GetValueOrDefault(id, ""), b?.Position, a?.Position, b?.Score, a?.Score, b?.Funded, a?.Funded);
        }).OrderBy(d => d.RecordedPosition ?? int.MaxValue).ToList();
    }
}

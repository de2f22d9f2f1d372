using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Geography.Common;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting;

namespace Salam.Application.Rounds.Commands.CreateRound;

/// <summary>
/// The facilitator drafts a round: its window, K ranks, the counting method (and for equal shares the budget), and the
/// approved needs on the ballot with their costs (defaulting to each need's estimate). It opens separately.
/// </summary>
[AllowedRoles(Role.Facilitator)]
public sealed record CreateRound(int NeighbourhoodId, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int MaxRanks, IReadOnlyList<int> NeedIds,
    CountingMethod Method = CountingMethod.Borda, long? Budget = null, IReadOnlyList<NeedCost>? Costs = null)
    : ICommand<int>, INeighbourhoodScoped;

/// <summary>A need's cost on the ballot, in whole rials.</summary>
public sealed record NeedCost(int NeedId, long Cost);

public sealed class CreateRoundHandler(ISalamDbContext db) : ICommandHandler<CreateRound, int>
{
    public async ValueTask<int> Handle(CreateRound command, CancellationToken cancellationToken)
    {
        // A deactivated neighbourhood (or one of a deactivated county or province) keeps its rounds but starts none.
        if (!await db.Neighbourhoods.Where(n => n.Id == command.NeighbourhoodId).AnyAsync(PlaceService.InService, cancellationToken))
            throw new RequestRefusedException(Text.Get("Geography.NeighbourhoodInactive"));
        var needs = await db.Needs.Where(n => command.NeedIds.Contains(n.Id)).ToListAsync(cancellationToken);
        if (needs.Count != command.NeedIds.Distinct().Count()) throw new NotFoundException(Text.Get("NotFound.Need"));

        var round = new PriorityRound(command.NeighbourhoodId, command.Title, command.OpensAt, command.ClosesAt, command.MaxRanks, command.Method, command.Budget);
        foreach (var id in command.NeedIds) round.AddNeed(needs.Single(n => n.Id == id));
        foreach (var cost in command.Costs ?? []) round.SetNeedCost(cost.NeedId, cost.Cost);
        db.PriorityRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return round.Id;
    }
}

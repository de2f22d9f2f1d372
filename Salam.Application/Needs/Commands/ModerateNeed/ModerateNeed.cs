using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Needs;
using Salam.Domain.People;

namespace Salam.Application.Needs.Commands.ModerateNeed;

public enum Moderation { Approve, Reject, Merge }

/// <summary>The neighbourhood's facilitator approves a proposed need, rejects it with a reason the proposer reads, or merges it into another.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record ModerateNeed(int NeedId, Moderation Decision, string? Reason = null, int? IntoNeedId = null) : ICommand<NeedStatus>, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.Need(NeedId), .. ScopeTarget.IfAny(IntoNeedId, ScopeTarget.Need)];
}

public sealed class ModerateNeedHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<ModerateNeed, NeedStatus>
{
    public async ValueTask<NeedStatus> Handle(ModerateNeed command, CancellationToken cancellationToken)
    {
        var need = await FindAsync(command.NeedId, cancellationToken);
        switch (command.Decision)
        {
            case Moderation.Approve: need.Approve(clock.GetUtcNow()); break;
            case Moderation.Reject: need.Reject(command.Reason ?? ""); break;
            case Moderation.Merge: need.MergeInto(await FindAsync(command.IntoNeedId ?? 0, cancellationToken)); break;
        }
        await db.SaveChangesAsync(cancellationToken);
        return need.Status;
    }

    private async Task<Need> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.Needs.SingleOrDefaultAsync(n => n.Id == id, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Need"));
}

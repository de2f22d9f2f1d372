using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Residents.Commands.DecideRegistration;

/// <summary>A facilitator of the resident's neighbourhood rejects a self-registration with a reason the resident then reads.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record RejectResident(int ResidentId, string Reason) : ICommand, IScoped
{
    public IEnumerable<ScopeTarget> ScopeTargets() => [ScopeTarget.Resident(ResidentId)];
}

public sealed class RejectResidentValidator : AbstractValidator<RejectResident>
{
    public RejectResidentValidator() =>
        RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(_ => Text.Get("Resident.RejectionReasonRequired"))
            .Must(r => r is null || r.Trim().Length <= Resident.RejectionReasonMaxLength)
            .WithMessage(_ => Text.Get("Residents.RejectionReasonTooLong", Resident.RejectionReasonMaxLength));
}

public sealed class RejectResidentHandler(ISalamDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RejectResident>
{
    public async ValueTask<Unit> Handle(RejectResident command, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.FindPendingAsync(command.ResidentId, cancellationToken);
        resident.Reject(command.Reason, user.UserId ?? 0, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal static class PendingResidents
{
    /// <summary>The resident to decide on; the domain refuses one already decided.</summary>
    public static async Task<Resident> FindPendingAsync(this DbSet<Resident> residents, int id, CancellationToken cancellationToken) =>
        await residents.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Resident"));
}

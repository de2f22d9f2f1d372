using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Rounds.Commands.SetAutoPublish;

/// <summary>The province chooses whether a round's results reach its residents at close or wait for the officer to publish them.</summary>
[AllowedRoles(Role.ProvinceOfficer, Role.Admin)]
public sealed record SetAutoPublish(int ProvinceId, bool Automatic) : ICommand, IProvinceScoped;

public sealed class SetAutoPublishHandler(ISalamDbContext db) : ICommandHandler<SetAutoPublish>
{
    public async ValueTask<Unit> Handle(SetAutoPublish command, CancellationToken cancellationToken)
    {
        var province = await db.Provinces.SingleOrDefaultAsync(p => p.Id == command.ProvinceId, cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Province"));
        province.PublishResultsAutomatically(command.Automatic);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Residents.Queries;

/// <summary>What a resident may correct about themselves: their name and mobile.</summary>
[AllowedRoles(Role.Resident)]
public sealed record GetMyDetails : IQuery<MyDetails>, ICallerScoped;

public sealed record MyDetails(string FullName, string Mobile, ResidentStatus Status);

public sealed class GetMyDetailsHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<GetMyDetails, MyDetails>
{
    public async ValueTask<MyDetails> Handle(GetMyDetails query, CancellationToken cancellationToken) =>
        await db.Residents.AsNoTracking().Where(r => r.Id == user.ResidentId).Select(r => new MyDetails(r.FullName, r.Mobile, r.Status))
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Resident"));
}

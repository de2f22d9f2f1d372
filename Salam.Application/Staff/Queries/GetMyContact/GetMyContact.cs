using Mediator;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.People;

namespace Salam.Application.Staff.Queries.GetMyContact;

/// <summary>The caller's own e-mail address (none: no e-mail) and the language of their messages.</summary>
[AllowedRoles(Role.Facilitator, Role.AgencyManager, Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin)]
public sealed record GetMyContact : IQuery<StaffContact>, ICallerScoped;

public sealed class GetMyContactHandler(IStaffAccounts accounts, ICurrentUser user) : IQueryHandler<GetMyContact, StaffContact>
{
    public async ValueTask<StaffContact> Handle(GetMyContact query, CancellationToken cancellationToken) =>
        await accounts.ContactAsync(user.UserId ?? 0, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.StaffAccount"));
}

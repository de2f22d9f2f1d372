using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;

namespace Salam.Application.Staff.Queries.GetStaffAccounts;

/// <summary>
/// The staff accounts the caller manages, a page at a time: every one for the administrator, the facilitators and agency managers
/// of their own province for an officer. Search matches the user name or the name.
/// </summary>
[AllowedRoles(Domain.People.Role.Admin, Domain.People.Role.ProvinceOfficer)]
public sealed record GetStaffAccounts(string? Search = null, Role? Role = null, int? ProvinceId = null, int Page = 0) : IQuery<StaffAccountList>, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ProvinceId is { } province ? ScopeTarget.Province(province) : ScopeTarget.Caller];
}

public sealed record StaffAccountList(IReadOnlyList<StaffAccountRow> Accounts, int Total, int Page, int PageSize);

/// <summary>An account as the list shows it; <see cref="Scope"/> names its centre, agency or province (none for national roles).</summary>
public sealed record StaffAccountRow(
    int Id, string UserName, string FullName, string? Mobile, Role Role, int? ProvinceId, int? CentreId, int? AgencyId, PlaceName? Scope,
    bool IsDisabled, DateTimeOffset? LockedOutUntil, bool MustChangePassword, bool IsSelf, string? Email = null);

public sealed class GetStaffAccountsHandler(ISalamDbContext db, IStaffAccounts accounts, ICurrentUser user) : IQueryHandler<GetStaffAccounts, StaffAccountList>
{
    public const int PageSize = 25;

    public async ValueTask<StaffAccountList> Handle(GetStaffAccounts query, CancellationToken cancellationToken)
    {
        // An officer's list holds only what they manage, whatever the filters say.
        Role[] managed = user.Role == Domain.People.Role.Admin
            ? [.. Enum.GetValues<Role>().Where(r => r != Domain.People.Role.Resident)]
            : [Domain.People.Role.Facilitator, Domain.People.Role.AgencyManager];
        var roles = query.Role is { } role ? managed.Where(r => r == role).ToArray() : managed;
        var provinceId = user.Role == Domain.People.Role.Admin ? query.ProvinceId : user.ProvinceId;
        var page = Math.Max(0, query.Page);

        var found = await accounts.ListAsync(new StaffAccountFilter(query.Search, roles, provinceId, page, PageSize), cancellationToken);
        var centreIds = found.Accounts.Select(a => a.CentreId).OfType<int>().ToList();
        var agencyIds = found.Accounts.Select(a => a.AgencyId).OfType<int>().ToList();
        var provinceIds = found.Accounts.Select(a => a.ProvinceId).OfType<int>().ToList();
        var centres = await db.Centres.AsNoTracking().Where(c => centreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => new PlaceName(c.NameFa, c.NameEn), cancellationToken);
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => new PlaceName(a.NameFa, a.NameEn), cancellationToken);
        var provinces = await db.Provinces.AsNoTracking().Where(p => provinceIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => new PlaceName(p.NameFa, p.NameEn), cancellationToken);

        var rows = found.Accounts.Select(a => new StaffAccountRow(a.Id, a.UserName, a.FullName, a.Mobile, a.Role, a.ProvinceId, a.CentreId, a.AgencyId,
            a.CentreId is { } c ? centres.GetValueOrDefault(c) : a.AgencyId is { } g ? agencies.GetValueOrDefault(g) : a.ProvinceId is { } p ? provinces.GetValueOrDefault(p) : null,
            a.IsDisabled, a.LockedOutUntil, a.MustChangePassword, a.Id == user.UserId, a.Email)).ToList();
        return new StaffAccountList(rows, found.Total, page, PageSize);
    }
}

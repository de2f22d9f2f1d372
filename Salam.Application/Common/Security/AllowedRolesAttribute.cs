using Salam.Domain.People;

namespace Salam.Application.Common.Security;

/// <summary>Which roles may send a request. A request without this attribute is refused to everyone (fail closed).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowedRolesAttribute(params Role[] roles) : Attribute
{
    public IReadOnlyList<Role> Roles { get; } = roles;

    /// <summary>Background jobs run as the system; only requests that say so accept it.</summary>
    public bool AllowSystem { get; init; }

    /// <summary>
    /// Anyone, signed in or not, the system included: only for requests that read what is published (public pages, open data),
    /// which also declare <see cref="IPublicScoped"/>.
    /// </summary>
    public bool Public { get; init; }
}

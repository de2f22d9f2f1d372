using Salam.Domain.People;

namespace Salam.Application.Common.Interfaces;

/// <summary>Who is asking, with the scope their role carries. Background jobs run as the system.</summary>
public interface ICurrentUser
{
    int? UserId { get; }
    Role? Role { get; }
    bool IsSystem { get; }
    int? ProvinceId { get; }
    int? CentreId { get; }
    int? AgencyId { get; }
    int? ResidentId { get; }
    int? NeighbourhoodId { get; }
    string? DisplayName { get; }
}

namespace Salam.Domain.People;

/// <summary>What a signed-in person does in the programme; each role has its own scope.</summary>
public enum Role
{
    Resident = 0,
    Facilitator = 1,
    AgencyManager = 2,
    ProvinceOfficer = 3,
    MinistryStaff = 4,
    Admin = 5,
}

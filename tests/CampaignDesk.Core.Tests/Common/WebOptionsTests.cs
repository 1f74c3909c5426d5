using CampaignDesk.Core.Common;
using CampaignDesk.Core.Tasks;

namespace CampaignDesk.Core.Tests.Common;

public class WebOptionsTests
{
    [Test]
    public void ATaskLink_StartsWithThePublicAddress() =>
        Assert.That(TaskReminders.TaskLink(new WebOptions { PublicUrl = "https://campagne.example.org/desk/" }, 42),
            Is.EqualTo("https://campagne.example.org/desk/app/taches.html#tache-42"));

    [TestCase("http://localhost:5080", true)]
    [TestCase("https://campagne.example.org/desk", true)]
    [TestCase("campagne.example.org", false)]
    [TestCase("ftp://campagne.example.org", false)]
    [TestCase("https://campagne.example.org/?x=1", false)]
    public void ThePublicAddress_IsAnAbsoluteWebAddress(string url, bool valid) =>
        Assert.That(new WebOptions { PublicUrl = url }.IsValid, Is.EqualTo(valid));
}

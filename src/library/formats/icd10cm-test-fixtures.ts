/**
 * Small inputs in the ICD-10-CM file layouts, shared by the unit and property tests (not used
 * by the application). Written by hand to match the CMS/CDC layouts; no real data copied.
 */

/** One line in the CMS order-file fixed-width layout. */
export function orderLine(
  order: number,
  code: string,
  flag: string,
  short: string,
  long = short,
): string {
  return `${String(order).padStart(5, '0')} ${code.padEnd(7)} ${flag} ${short.padEnd(60)} ${long}`;
}

export const sampleOrderText = [
  orderLine(1, 'M54', '0', 'Dorsalgia'),
  orderLine(2, 'M541', '0', 'Radiculopathy'),
  orderLine(3, 'M5416', '1', 'Radiculopathy, lumbar region'),
  orderLine(4, 'M545', '1', 'Low back pain'),
  orderLine(
    5,
    'S52521A',
    '1',
    'Torus fx lower end of right radius, init for clos fx',
    'Torus fracture of lower end of right radius, initial encounter for closed fracture',
  ),
  orderLine(6, 'U071', '1', 'COVID-19'),
].join('\r\n');

/** A Tabular List with nested diags, every note type, a placeholder and 7th characters. */
export const sampleTabularXml = `<?xml version="1.0" encoding="utf-8"?>
<ICD10CM.tabular>
  <version>2021</version>
  <introduction>
    <introSection type="title">
      <title>ICD-10-CM TABULAR LIST of DISEASES and INJURIES</title>
    </introSection>
    <introSection type="instruction">
      <title>Includes:</title>
      <instruction><note>An introduction note, not about any code.</note></instruction>
    </introSection>
  </introduction>
  <chapter>
    <name>13</name>
    <desc>Diseases of the musculoskeletal system and connective tissue (M00-M99)</desc>
    <excludes2>
      <note>certain conditions originating in the perinatal period (P04-P96)</note>
    </excludes2>
    <sectionIndex>
      <sectionRef first="M50" last="M54" id="M50-M54">Other dorsopathies</sectionRef>
    </sectionIndex>
    <section id="M50-M54">
      <desc>Other dorsopathies (M50-M54)</desc>
      <excludes1>
        <note>current injury - see injury of spine by body region</note>
      </excludes1>
      <diag>
        <name>M54</name>
        <desc>Dorsalgia</desc>
        <excludes1>
          <note>psychogenic dorsalgia (F45.41)</note>
        </excludes1>
        <diag>
          <name>M54.1</name>
          <desc>Radiculopathy</desc>
          <inclusionTerm>
            <note>Brachial neuritis or radiculitis NOS</note>
            <note>Lumbar neuritis or radiculitis NOS</note>
          </inclusionTerm>
          <excludes2>
            <note>radiculopathy with lumbar disc disorder (M51.1-)</note>
          </excludes2>
          <diag>
            <name>M54.16</name>
            <desc>Radiculopathy, lumbar
              region</desc>
          </diag>
        </diag>
        <diag>
          <name>M54.5</name>
          <desc>Low back pain</desc>
          <includes><note>Loin pain</note></includes>
          <codeFirst><note>pain due to a condition, if known</note></codeFirst>
          <useAdditionalCode><note>external cause code</note></useAdditionalCode>
          <codeAlso><note>any associated condition</note></codeAlso>
          <notes><note>A note &amp; a &lt;bracket&gt;</note></notes>
        </diag>
      </diag>
    </section>
  </chapter>
  <chapter>
    <name>19</name>
    <desc>Injury, poisoning and certain other consequences of external causes (S00-T88)</desc>
    <section id="S50-S59">
      <desc>Injuries to the elbow and forearm (S50-S59)</desc>
      <diag>
        <name>S52</name>
        <desc>Fracture of forearm</desc>
        <sevenChrNote>
          <note>The appropriate 7th character is to be added to all codes from category S52</note>
        </sevenChrNote>
        <sevenChrDef>
          <extension char="A">initial encounter for closed fracture</extension>
          <extension char="B">initial encounter for open fracture type I or II</extension>
          <note>\tinitial encounter for open fracture NOS</note>
          <extension char="D">subsequent encounter for closed fracture with routine healing</extension>
        </sevenChrDef>
        <diag placeholder="true">
          <name>S52.5X</name>
          <desc>Fracture of lower end of radius, placeholder level</desc>
          <diag>
            <name>S52.5X1</name>
            <desc>Some fracture, right arm</desc>
          </diag>
        </diag>
      </diag>
    </section>
  </chapter>
</ICD10CM.tabular>
`;

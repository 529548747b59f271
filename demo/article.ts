/**
 * @module The demo publisher's article, in our own words, dated. Facts from the fact sheet.
 */

export const DEMO_ARTICLE = {
  title: 'Putin arrives in Baku for a two-day state visit',
  dateline: 'Baku',
  date: '2024-08-18',
  paragraphs: [
    "Russian President Vladimir Putin arrived in Azerbaijan's capital on the evening of Sunday 18 August 2024 for a two-day state visit, the Kremlin said. It is his first trip to the country since September 2018.",
    'According to the Kremlin, Putin and President Ilham Aliyev will discuss strategic partnership and international and regional issues, and several documents, among them a joint statement, are to be signed.',
    "Aliyev and Mehriban Aliyeva hosted Putin for dinner on Sunday evening. Monday's programme includes a wreath-laying at the grave of Heydar Aliyev, talks and press statements.",
    "The visit comes as Ukrainian forces fight inside Russia's Kursk region, which they entered on 6 August, and three months before Azerbaijan hosts the COP29 climate conference.",
    "The International Criminal Court issued a warrant for Putin's arrest in March 2023 over the alleged deportation of children from occupied areas of Ukraine; Moscow rejects the court's jurisdiction. Azerbaijan is not a party to the Rome Statute that founded the court.",
  ],
} as const;

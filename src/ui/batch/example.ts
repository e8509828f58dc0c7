// The example file offered for download on the batch page: the same as the README's examples/firms.csv
// (a test keeps the two equal).
export const EXAMPLE_CSV = [
  'name;region;province;staff;turnoverEur;balanceSheetEur;ownedByLargeGroup;nace;innovation;needs;triggers',
  'Bakkerij Peeters;flanders;antwerpen;6;650000;;nee;10.71;newProductionMethods;training|advice;skills-gap',
  'Metaal Vandamme;flanders;west-vlaanderen;14;1800000;900000;nee;25.62;newGoods|productInHouse|innovationSpending;practical-problem;quality-complaints',
  'Drukkerij Claes;flanders;limburg;32;4500000;2100000;ja;18.12;newProductionMethods|boughtKnowledge;partners|development-project;',
  'Atelier Dupont;wallonia;;8;900000;;nee;14.13;;explore-idea;',
].join('\n') + '\n';

export const EXAMPLE_FILE_NAME = 'firms.csv';
